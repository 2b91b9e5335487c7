package org.opencti.core.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.time.ManualScheduler;

/** What the cache adds over the contract: reads it saves, what each write drops, time to live, bounds, the race. */
class CachingCustomerDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final String ALICE_PHONE = "+12025550143";
    private static final CustomerCacheSettings SETTINGS =
        new CustomerCacheSettings(100, Duration.ofSeconds(60), Duration.ofSeconds(5));

    private final ManualScheduler time = new ManualScheduler(T0);
    private InMemoryInteractionLog log;
    private InMemoryCustomerDirectory store;
    private CachingCustomerDirectory cache;
    private InteractionLog interactions;
    private Customer alice;

    @BeforeEach
    void aliceIsACustomer() {
        log = new InMemoryInteractionLog();
        store = spy(new InMemoryCustomerDirectory(log));
        cache = new CachingCustomerDirectory(store, SETTINGS, time.clock());
        interactions = cache.invalidating(log);
        alice = cache.save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of(ALICE_PHONE, "+442079460018")));
    }

    private static InteractionRecord call(String key, long customerId, Instant at) {
        return new InteractionRecord(key, customerId, ALICE_PHONE, "PJSIP/trunk-0001", "billing", "1001", at,
            at.plusSeconds(5), at.plusSeconds(90), "ANSWERED");
    }

    private String tierByPhone() {
        return cache.findByPhone(ALICE_PHONE, 5).orElseThrow().customer().tier();
    }

    @Test
    void theSecondLookupOfANumberOrAccountDoesNotReachTheStore() {
        CustomerProfile first = cache.findByPhone(ALICE_PHONE, 5).orElseThrow();
        CustomerProfile second = cache.findByPhone(ALICE_PHONE, 5).orElseThrow();
        cache.findByAccount("AC-1", 5);
        cache.findByAccount("AC-1", 5);

        assertThat(second).isEqualTo(first);
        verify(store, times(1)).findByPhone(ALICE_PHONE, 5);
        verify(store, times(1)).findByAccount("AC-1", 5);
        assertThat(cache.stats().hits()).isEqualTo(2);
        assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void hitsMissesAndEntriesAreReportedAsMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);
        cache.findByPhone(ALICE_PHONE, 5);
        cache.findByPhone(ALICE_PHONE, 5);
        cache.findByPhone(ALICE_PHONE, 5);

        assertThat(registry.get("cti.customer.cache.lookups").tag("result", "hit").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("cti.customer.cache.lookups").tag("result", "miss").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cti.customer.cache.entries").gauge().value()).isEqualTo(1);
        assertThat(registry.get("cti.customer.cache.evictions").functionCounter().count()).isZero();
    }

    @Test
    void fewerInteractionsComeFromTheCacheAndMoreGoBackToTheStoreUnlessTheHistoryWasAllThere() {
        for (int i = 0; i < 4; i++) {
            interactions.record(call("c-" + i, alice.id(), T0.plusSeconds(i * 100L)));
        }
        assertThat(cache.findByPhone(ALICE_PHONE, 3).orElseThrow().recentInteractions()).hasSize(3);
        assertThat(cache.findByPhone(ALICE_PHONE, 2).orElseThrow().recentInteractions())
            .extracting(s -> s.startedAt()).containsExactly(T0.plusSeconds(300), T0.plusSeconds(200));
        verify(store, times(1)).findByPhone(anyString(), anyInt());

        assertThat(cache.findByPhone(ALICE_PHONE, 10).orElseThrow().recentInteractions()).hasSize(4);
        assertThat(cache.findByPhone(ALICE_PHONE, 50).orElseThrow().recentInteractions()).hasSize(4);
        verify(store, times(2)).findByPhone(anyString(), anyInt());
    }

    @Test
    void aSaveDropsTheCustomersLookupsByEveryOldAndNewNumberAndAccount() {
        cache.findByPhone("+442079460018", 5);
        cache.findByAccount("AC-1", 5);
        assertThat(cache.findByPhone("+14155550199", 5)).isEmpty();
        assertThat(cache.findByAccount("AC-9", 5)).isEmpty();

        Customer moved = cache.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Platinum", "AC-9",
            List.of(ALICE_PHONE, "+14155550199")));

        assertThat(cache.findByPhone("+442079460018", 5)).isEmpty();
        assertThat(cache.findByAccount("AC-1", 5)).isEmpty();
        assertThat(cache.findByPhone("+14155550199", 5).orElseThrow().customer()).isEqualTo(moved);
        assertThat(cache.findByAccount("AC-9", 5).orElseThrow().customer()).isEqualTo(moved);
        assertThat(tierByPhone()).isEqualTo("Platinum");
    }

    @Test
    void aNewCustomerIsFoundAtOnceUnderANumberCachedAsUnknown() {
        assertThat(cache.findByPhone("+13125550122", 5)).isEmpty();

        Customer bob = cache.save(new Customer(0, "Mr", "Bob", "Stone", null, null, List.of("+13125550122")));

        assertThat(cache.findByPhone("+13125550122", 5).orElseThrow().customer()).isEqualTo(bob);
    }

    @Test
    void aSharedNumberPassesToTheNextCustomerWhenTheFirstGivesItUp() {
        Customer luis = cache.save(new Customer(0, "Mr", "Luis", "Moreno", null, "AC-2", List.of(ALICE_PHONE)));
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().customer()).isEqualTo(alice);

        cache.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+442079460018")));

        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().customer()).isEqualTo(luis);
    }

    @Test
    void consentsCasesAndEndedCallsShowOnTheNextPop() {
        cache.findByPhone(ALICE_PHONE, 5);
        cache.setConsent(alice.id(), new Consent(Consent.Channel.SMS, true, T0));
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().consents()).hasSize(1);

        CustomerCase complaint = cache.addCase(alice.id(), CustomerCase.open(CustomerCase.Kind.COMPLAINT, "Billed twice", T0));
        assertThat(cache.findByAccount("AC-1", 5).orElseThrow().openCases()).containsExactly(complaint);
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().hasOpenComplaint()).isTrue();

        cache.setCaseStatus(complaint.id(), CustomerCase.Status.RESOLVED, T0.plusSeconds(60));
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().openCases()).isEmpty();
        cache.setCaseStatus(complaint.id(), CustomerCase.Status.OPEN, T0.plusSeconds(120));
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().openCases()).containsExactly(complaint);

        interactions.record(call("c-1", alice.id(), T0));
        assertThat(cache.findByPhone(ALICE_PHONE, 5).orElseThrow().recentInteractions()).hasSize(1);
        assertThat(cache.findByAccount("AC-1", 5).orElseThrow().recentInteractions()).hasSize(1);
    }

    @Test
    void aChangeMadeBehindTheCachesBackShowsWhenTheEntryExpires() {
        assertThat(tierByPhone()).isEqualTo("Gold");
        store.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Silver", "AC-1", alice.phoneNumbers()));
        log.record(call("elsewhere", alice.id(), T0));

        time.advance(Duration.ofSeconds(60).minusMillis(1));
        assertThat(tierByPhone()).isEqualTo("Gold");
        time.advance(Duration.ofMillis(1));
        CustomerProfile fresh = cache.findByPhone(ALICE_PHONE, 5).orElseThrow();
        assertThat(fresh.customer().tier()).isEqualTo("Silver");
        assertThat(fresh.recentInteractions()).hasSize(1);
    }

    @Test
    void aMissIsKeptOnlyForTheShortNegativeTimeToLive() {
        assertThat(cache.findByAccount("AC-7", 5)).isEmpty();
        store.save(new Customer(0, "Mr", "Bob", "Stone", null, "AC-7", List.of()));

        time.advance(Duration.ofSeconds(5).minusMillis(1));
        assertThat(cache.findByAccount("AC-7", 5)).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(cache.findByAccount("AC-7", 5)).isPresent();
    }

    @Test
    void aZeroNegativeTimeToLiveNeverKeepsAMiss() {
        cache = new CachingCustomerDirectory(store, new CustomerCacheSettings(100, Duration.ofSeconds(60), Duration.ZERO),
            time.clock());
        cache.findByPhone("+13125550122", 5);
        cache.findByPhone("+13125550122", 5);

        verify(store, times(2)).findByPhone("+13125550122", 5);
        assertThat(cache.stats().size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedLookupGoesFirstWhenFull() {
        cache = new CachingCustomerDirectory(store, new CustomerCacheSettings(2, Duration.ofSeconds(60), Duration.ofSeconds(5)),
            time.clock());
        cache.findByPhone(ALICE_PHONE, 5);
        cache.findByAccount("AC-1", 5);
        cache.findByPhone(ALICE_PHONE, 5); // now the account lookup is the least recently used
        cache.findByPhone("+442079460018", 5);

        assertThat(cache.stats().size()).isEqualTo(2);
        assertThat(cache.stats().evictions()).isEqualTo(1);
        cache.findByPhone(ALICE_PHONE, 5);
        verify(store, times(1)).findByPhone(ALICE_PHONE, 5);
        cache.findByAccount("AC-1", 5);
        verify(store, times(2)).findByAccount("AC-1", 5);

        // an evicted entry leaves nothing behind in the index: a save still drops the ones held
        cache.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Silver", "AC-1", alice.phoneNumbers()));
        assertThat(tierByPhone()).isEqualTo("Silver");
    }

    @Test
    void whatAReaderFetchedBeforeAConcurrentSaveIsNotKept() {
        // the store answers with the old Alice, and the save lands (and invalidates) before that answer is stored
        doAnswer(invocation -> {
            Object old = invocation.callRealMethod();
            cache.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Silver", "AC-1", alice.phoneNumbers()));
            return old;
        }).doCallRealMethod().when(store).findByPhone(ALICE_PHONE, 5);

        assertThat(tierByPhone()).isEqualTo("Gold");
        assertThat(tierByPhone()).isEqualTo("Silver");
        assertThat(tierByPhone()).isEqualTo("Silver");
        verify(store, times(2)).findByPhone(ALICE_PHONE, 5);
    }

    @Test
    void pinChecksAndOrdersAlwaysGoToTheStore() {
        cache.setPin("AC-1", "1234");
        cache.verifyPin("AC-1", "0000", T0);
        cache.verifyPin("AC-1", "0000", T0);

        verify(store, times(2)).verifyPin("AC-1", "0000", T0);
        assertThat(cache.findOrder("AC-1", "O-1")).isEmpty();
        assertThat(cache.findOrder("AC-1", "O-1")).isEmpty();
        verify(store, times(2)).findOrder("AC-1", "O-1");
    }
}

package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.cache.CacheInvalidation;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;

/**
 * Two nodes' caches over one customer store (as two servers over one PostgreSQL), kept in step through the local
 * Redis (127.0.0.1:6379) under a channel of their own. The caches' time to live is a minute, so only the published
 * invalidation can make a change show within the test's waits.
 */
class RedisCacheInvalidationTest {
    private static final String URI = "redis://127.0.0.1:6379";
    private static final String PHONE = "+12025550143";

    private final String prefix = "cti_test_" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private InMemoryCustomerDirectory store;
    private CachingCustomerDirectory nodeA;
    private CachingCustomerDirectory nodeB;
    private RedisCacheInvalidation busA;
    private RedisCacheInvalidation busB;
    private Customer alice;

    @BeforeEach
    void twoNodes() {
        store = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        nodeA = new CachingCustomerDirectory(store);
        nodeB = new CachingCustomerDirectory(store);
        busA = new RedisCacheInvalidation(URI, prefix, nodeA);
        busB = new RedisCacheInvalidation(URI, prefix, nodeB);
        alice = store.save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of(PHONE)));
    }

    @AfterEach
    void close() {
        busA.close();
        busB.close();
    }

    @Test
    void aSaveOnOneNodeDropsTheOtherNodesCachedProfile() {
        assertThat(nodeA.findByPhone(PHONE, 5).orElseThrow().customer().tier()).isEqualTo("Gold");
        assertThat(nodeA.findByAccount("AC-1", 5)).isPresent();

        nodeB.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Platinum", "AC-1", List.of(PHONE)));

        await("node A sees the new tier", () -> "Platinum".equals(nodeA.findByPhone(PHONE, 5).orElseThrow().customer().tier()));
        assertThat(nodeA.findByAccount("AC-1", 5).orElseThrow().customer().tier()).isEqualTo("Platinum");
        assertThat(busA.applied()).isPositive();
    }

    @Test
    void aNumberCachedAsUnknownOnOneNodeIsFoundOnceAnotherNodeCreatesItsOwner() {
        assertThat(nodeA.findByPhone("+13125550122", 5)).isEmpty();

        nodeB.save(new Customer(0, "Mr", "Bob", "Stone", null, null, List.of("+13125550122")));

        await("node A finds Bob", () -> nodeA.findByPhone("+13125550122", 5).isPresent());
    }

    @Test
    void aConsentRecordedOnOneNodeShowsOnTheOther() {
        assertThat(nodeA.findByPhone(PHONE, 5).orElseThrow().consents()).isEmpty();

        nodeB.setConsent(alice.id(), new Consent(Consent.Channel.SMS, true, java.time.Instant.parse("2026-11-25T09:00:00Z")));

        await("node A lists the consent", () -> !nodeA.findByPhone(PHONE, 5).orElseThrow().consents().isEmpty());
    }

    @Test
    void ownAndMalformedMessagesChangeNothing() throws Exception {
        nodeA.findByPhone(PHONE, 5);
        RedisClient raw = RedisClient.create(URI);
        try (StatefulRedisConnection<String, String> c = raw.connect()) {
            c.sync().publish(prefix + "customers:invalidated", "someone GARBAGE 1");
            c.sync().publish(prefix + "customers:invalidated", "nospace");
            c.sync().publish(prefix + "customers:invalidated", "someone CUSTOMER " + alice.id());
        } finally {
            raw.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        await("the good message is applied", () -> busA.applied() == 1);
        assertThat(busA.refused()).isEqualTo(2);

        long before = busB.applied();
        nodeB.save(new Customer(alice.id(), "Ms", "Alice", "Moreno", "Silver", "AC-1", List.of(PHONE)));
        await("node A applied node B's save", () -> busA.applied() > 1);
        assertThat(busB.applied()).isEqualTo(before);
    }

    @Test
    void theWireFormIsCheckedByField() {
        assertThat(CacheInvalidation.parse("PHONE +12025550143")).isEqualTo(
            new CacheInvalidation(CacheInvalidation.Type.PHONE, PHONE));
        assertThat(CacheInvalidation.parse(CacheInvalidation.customer(42).wire())).isEqualTo(CacheInvalidation.customer(42));
        assertThatThrownBy(() -> CacheInvalidation.parse("CUSTOMER x")).hasMessageContaining("customer id");
        assertThatThrownBy(() -> CacheInvalidation.parse("ORDER 1")).hasMessageContaining("unknown invalidation type");
        assertThatThrownBy(() -> new CacheInvalidation(CacheInvalidation.Type.ACCOUNT, "a\nb")).hasMessageContaining("one");
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("gave up after 10 s waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the poll interval, not a guess at the delay
        }
    }
}

package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerErasedException;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DuplicateCustomerException;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.core.customer.NoSuchCustomerException;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;

/**
 * What every {@link CustomerRecords} must do with people's changes: search, contact changes, notes, complaints, the
 * audit trail, duplicate detection and erasure. A subclass hands out an empty store and its interaction log.
 */
public abstract class CustomerRecordsContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    protected static final Actor ADA = new Actor("4001", T0);
    private static final PhoneNumbers US = new PhoneNumbers("US");

    protected CustomerRecords records;
    protected InteractionLog history;
    protected Customer alice;
    protected Customer bob;

    /** An empty store and the log its profiles read interactions from. */
    protected abstract CustomerRecords emptyRecords();

    protected abstract InteractionLog historyOf(CustomerRecords store);

    @BeforeEach
    void twoCustomers() {
        records = emptyRecords();
        history = historyOf(records);
        alice = records.create(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143"),
            new Customer.Contact("Alice.Moreno@example.com", "es", "voice", null), new Customer.Value(
                new BigDecimal("1200.00"), null, null), new Customer.Relationship(true, false, "2001")), ADA);
        bob = records.create(new Customer(0, "Mr", "Bob", "Stone", null, "AC-2", List.of("+13125550122")), ADA);
    }

    private static ContactChange change(Map<String, Object> body) {
        return ContactChange.from(body, US);
    }

    private List<Long> ids(String text, String e164) {
        return records.search(new CustomerSearch(text, e164), 100, 0).stream().map(Customer::id).toList();
    }

    @Test
    public void searchFindsByNamePrefixEmailAccountAndNumberInAnyCase() {
        assertThat(ids("ali", null)).containsExactly(alice.id());
        assertThat(ids("MORE", null)).containsExactly(alice.id());
        assertThat(ids("alice m", null)).containsExactly(alice.id());
        assertThat(ids("alice.moreno@EXAMPLE.com", null)).containsExactly(alice.id());
        assertThat(ids("AC-2", null)).containsExactly(bob.id());
        assertThat(ids("(312) 555-0122", "+13125550122")).containsExactly(bob.id());
        assertThat(ids("oreno", null)).as("a prefix, not any substring").isEmpty();
        assertThat(ids("%", null)).as("LIKE wildcards are plain characters").isEmpty();
        assertThat(ids("_lice", null)).isEmpty();
    }

    @Test
    public void searchPagesByIdAndRefusesABadPage() {
        for (int i = 0; i < 5; i++) {
            records.create(new Customer(0, null, "Sam" + i, "Smith", null, null, List.of()), ADA);
        }
        List<Customer> first = records.search(new CustomerSearch("sam", null), 2, 0);
        List<Customer> third = records.search(new CustomerSearch("sam", null), 2, 4);

        assertThat(first).extracting(Customer::firstName).containsExactly("Sam0", "Sam1");
        assertThat(third).extracting(Customer::firstName).containsExactly("Sam4");
        assertThatThrownBy(() -> records.search(new CustomerSearch("sam", null), 101, 0))
            .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("limit"));
        assertThatThrownBy(() -> records.search(new CustomerSearch("sam", null), 10, -1))
            .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("offset"));
    }

    @Test
    public void aContactChangeChangesOnlyTheNamedFieldsAndIsAuditedByFieldName() {
        Customer changed = records.updateContact(alice.id(), change(Map.of("email", "alice@example.org",
            "phoneNumbers", List.of("202-555-0143", "+44 20 7946 0958"), "preferredContactTime", "09:00-12:00")),
            new Actor("2001", T0.plusSeconds(60)));

        assertThat(changed.contact().email()).isEqualTo("alice@example.org");
        assertThat(changed.phoneNumbers()).containsExactly("+12025550143", "+442079460958");
        CustomerProfile read = records.findById(alice.id(), 5).orElseThrow();
        assertThat(read.customer()).isEqualTo(changed);
        assertThat(read.customer().contact().preferredLanguage()).isEqualTo("es");
        assertThat(read.customer().value().lifetimeValue()).isEqualByComparingTo("1200");
        assertThat(records.findByPhone("+442079460958", 0)).map(p -> p.customer().id()).contains(alice.id());

        List<AuditEntry> trail = records.audit(alice.id(), 100, 0);
        assertThat(trail).extracting(AuditEntry::action)
            .containsExactly(AuditEntry.Action.CREATED, AuditEntry.Action.CONTACT_UPDATED);
        AuditEntry update = trail.get(1);
        assertThat(update.fields()).containsExactly("phoneNumbers", "email", "preferredContactTime");
        assertThat(update.by()).isEqualTo("2001");
        assertThat(update.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(update.customerId()).isEqualTo(alice.id());
    }

    @Test
    public void aChangeThatChangesNothingWritesNoAuditEntry() {
        records.updateContact(alice.id(), change(Map.of("firstName", "Alice", "email", "Alice.Moreno@example.com")), ADA);

        assertThat(records.audit(alice.id(), 100, 0)).hasSize(1);
    }

    @Test
    public void anotherCustomersNumberOrEmailIsRefusedNamingTheFieldAndTheOwner() {
        assertThatThrownBy(() -> records.updateContact(bob.id(), change(Map.of("phoneNumbers", List.of("+12025550143"))),
            ADA)).isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                assertThat(e.field()).isEqualTo("phoneNumbers");
                assertThat(e.existingCustomerId()).isEqualTo(alice.id());
            });
        assertThatThrownBy(() -> records.create(new Customer(0, null, "Al", "M", null, null, List.of(),
            new Customer.Contact("ALICE.moreno@example.com", null, null, null), null, null), ADA))
            .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                assertThat(e.field()).isEqualTo("email");
                assertThat(e.existingCustomerId()).isEqualTo(alice.id());
            });
        assertThatThrownBy(() -> records.create(new Customer(0, null, "Al", "M", null, null, List.of("+13125550122")),
            ADA)).hasMessageContaining("+13125550122 already belongs to customer " + bob.id());
        assertThat(records.findByPhone("+13125550122", 0)).map(p -> p.customer().id()).contains(bob.id());
        assertThat(records.search(new CustomerSearch("al", null), 100, 0)).extracting(Customer::id)
            .containsExactly(alice.id());
    }

    @Test
    public void concurrentCreatesWithOneNumberLeaveExactlyOneCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> creates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String first = "Twin" + i;
                creates.add(() -> {
                    try {
                        records.create(new Customer(0, null, first, "Doe", null, null, List.of("+14155550100")), ADA);
                        return true;
                    } catch (DuplicateCustomerException e) {
                        return false;
                    }
                });
            }
            long created = 0;
            for (Future<Boolean> f : pool.invokeAll(creates, 30, TimeUnit.SECONDS)) {
                created += f.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(records.search(new CustomerSearch("+14155550100", "+14155550100"), 100, 0)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void anUnknownCustomerIsRefused() {
        assertThatThrownBy(() -> records.updateContact(999, change(Map.of("firstName", "X")), ADA))
            .isInstanceOf(NoSuchCustomerException.class).hasMessageContaining("no customer with id 999");
        assertThatThrownBy(() -> records.addNote(999, "hello", ADA)).hasMessageContaining("no customer with id 999");
        assertThatThrownBy(() -> records.recordComplaint(999, "late", ADA)).hasMessageContaining("no customer with id 999");
        assertThatThrownBy(() -> records.erase(999, ADA)).hasMessageContaining("no customer with id 999");
        assertThat(records.findById(999, 1)).isEmpty();
        assertThat(records.erasedAt(999)).isEmpty();
    }

    @Test
    public void aNoteJoinsTheHistoryTheScreenPopShowsAndTheAuditKeepsNoText() {
        history.record(new InteractionRecord("call-1", alice.id(), "+12025550143", "voice", "billing", "2001",
            T0.minusSeconds(600), T0.minusSeconds(590), T0.minusSeconds(300), "answered"));
        InteractionSummary note = records.addNote(alice.id(), "  Promised a refund by Friday  ", new Actor("2001", T0));

        assertThat(note.notes()).isEqualTo("Promised a refund by Friday");
        List<InteractionSummary> recent = records.findByPhone("+12025550143", 5).orElseThrow().recentInteractions();
        assertThat(recent).extracting(InteractionSummary::channel).containsExactly("note", "voice");
        assertThat(recent.get(0).notes()).isEqualTo("Promised a refund by Friday");
        assertThat(recent.get(0).agentId()).isEqualTo("2001");
        AuditEntry audit = records.audit(alice.id(), 100, 0).get(1);
        assertThat(audit.action()).isEqualTo(AuditEntry.Action.NOTE_ADDED);
        assertThat(audit.fields()).containsExactly("notes");
        assertThatThrownBy(() -> records.addNote(alice.id(), " ", ADA))
            .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("text"));
        assertThatThrownBy(() -> records.addNote(alice.id(), "x".repeat(2001), ADA)).hasMessageContaining("text");
    }

    @Test
    public void aComplaintIsAnOpenCaseOfKindComplaint() {
        CustomerCase complaint = records.recordComplaint(bob.id(), "Charged twice", new Actor("3001", T0));

        CustomerProfile profile = records.findById(bob.id(), 0).orElseThrow();
        assertThat(profile.openCases()).containsExactly(complaint);
        assertThat(complaint.kind()).isEqualTo(CustomerCase.Kind.COMPLAINT);
        assertThat(complaint.openedAt()).isEqualTo(T0);
        assertThat(profile.hasOpenComplaint()).isTrue();
        assertThat(records.audit(bob.id(), 100, 0)).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AuditEntry.Action.COMPLAINT_RECORDED);
            assertThat(a.by()).isEqualTo("3001");
        });
        assertThatThrownBy(() -> records.recordComplaint(bob.id(), "", ADA)).hasMessageContaining("summary");
    }

    @Test
    public void pinAndConsentChangesAreAudited() {
        records.setPin("AC-1", "2468", ADA);
        records.setConsent(alice.id(), new Consent(Consent.Channel.SMS, true, T0), ADA);

        assertThat(records.verifyPin("AC-1", "2468", T0)).isEqualTo(PinCheck.VERIFIED);
        assertThat(records.findById(alice.id(), 0).orElseThrow().consentFor(Consent.Channel.SMS)).isPresent();
        assertThat(records.audit(alice.id(), 100, 0)).extracting(AuditEntry::action, AuditEntry::fields).containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditEntry.Action.CREATED, List.of()),
            org.assertj.core.groups.Tuple.tuple(AuditEntry.Action.PIN_SET, List.of("pin")),
            org.assertj.core.groups.Tuple.tuple(AuditEntry.Action.CONSENT_SET, List.of("consent.sms")));
        assertThatThrownBy(() -> records.setPin("AC-404", "2468", ADA)).hasMessageContaining("AC-404");
    }

    @Test
    public void erasureRemovesThePersonListsTheirNumbersAndIsIrreversible() {
        records.setPin("AC-1", "2468", ADA);
        records.addNote(alice.id(), "Lives at 1 Main St", ADA);
        records.recordComplaint(alice.id(), "Alice says the engineer was rude", ADA);
        Actor eraser = new Actor("4001", T0.plusSeconds(3600));

        Erasure erasure = records.erase(alice.id(), eraser);

        assertThat(erasure.erasedNow()).isTrue();
        assertThat(erasure.erasedAt()).isEqualTo(eraser.at());
        assertThat(erasure.doNotCall()).containsExactly("+12025550143");
        assertThat(records.doNotCall("+12025550143")).hasValueSatisfying(d -> {
            assertThat(d.source()).isEqualTo("erasure");
            assertThat(d.addedBy()).isEqualTo("4001");
            assertThat(d.addedAt()).isEqualTo(eraser.at());
        });
        assertThat(records.findByPhone("+12025550143", 5)).as("the pop finds nobody by the old number").isEmpty();
        assertThat(records.findByAccount("AC-1", 5)).isEmpty();
        assertThat(records.findById(alice.id(), 5)).isEmpty();
        assertThat(records.erasedAt(alice.id())).contains(eraser.at());
        assertThat(records.search(new CustomerSearch("alice", null), 100, 0)).isEmpty();
        assertThat(records.search(new CustomerSearch("erased", null), 100, 0)).isEmpty();
        assertThat(records.verifyPin("AC-1", "2468", T0)).isEqualTo(PinCheck.UNKNOWN_ACCOUNT);
        AuditEntry last = records.audit(alice.id(), 100, 0).get(4);
        assertThat(last.action()).isEqualTo(AuditEntry.Action.ERASED);
        assertThat(last.fields()).contains("firstName", "phoneNumbers", "email", "notes", "callerNumbers");
        assertThat(String.join(" ", last.fields())).doesNotContain("Alice", "Moreno", "+1202");
        assertThat(records.findByPhone("+13125550122", 0)).as("others untouched").isPresent();
    }

    @Test
    public void aSecondErasureIsANoOpAndNoChangeReachesAnErasedCustomer() {
        records.erase(alice.id(), ADA);
        int audited = records.audit(alice.id(), 100, 0).size();

        Erasure again = records.erase(alice.id(), new Actor("4002", T0.plusSeconds(60)));

        assertThat(again.erasedNow()).isFalse();
        assertThat(again.erasedAt()).isEqualTo(T0);
        assertThat(again.doNotCall()).isEmpty();
        assertThat(records.audit(alice.id(), 100, 0)).hasSize(audited);
        assertThatThrownBy(() -> records.updateContact(alice.id(), change(Map.of("firstName", "Alice")), ADA))
            .isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(() -> records.addNote(alice.id(), "back again", ADA)).isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(() -> records.recordComplaint(alice.id(), "x", ADA)).isInstanceOf(CustomerErasedException.class);
        assertThatThrownBy(() -> records.save(alice)).as("a plain save cannot restore the data")
            .hasMessageContaining("erased");
        assertThat(records.findByPhone("+12025550143", 0)).isEmpty();
    }

    @Test
    public void aNumberAlreadyOnTheListKeepsItsFirstEntry() {
        records.erase(bob.id(), new Actor("4001", T0));
        Customer carol = records.create(new Customer(0, null, "Carol", "Stone", null, null, List.of("+13125550122")), ADA);
        records.erase(carol.id(), new Actor("4002", T0.plusSeconds(5)));

        assertThat(records.doNotCall("+13125550122")).hasValueSatisfying(d -> assertThat(d.addedBy()).isEqualTo("4001"));
        assertThat(Set.of(records.erasedAt(carol.id()).orElseThrow())).containsExactly(T0.plusSeconds(5));
    }
}

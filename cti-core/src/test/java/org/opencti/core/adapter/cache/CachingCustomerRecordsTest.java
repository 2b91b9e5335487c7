package org.opencti.core.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.PhoneNumbers;

/** What people do to a customer through the records shows on the next pop, though the profile was cached before. */
class CachingCustomerRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Actor ADA = new Actor("4001", T0);
    private static final String PHONE = "+12025550143";

    private CachingCustomerRecords records;
    private Customer alice;

    @BeforeEach
    void aliceIsCachedByNumberAndAccount() {
        records = new CachingCustomerRecords(new InMemoryCustomerDirectory(new InMemoryInteractionLog()));
        alice = records.create(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of(PHONE)), ADA);
        assertThat(records.findByPhone(PHONE, 5)).isPresent();
        assertThat(records.findByAccount("AC-1", 5)).isPresent();
        assertThat(records.findByPhone("+442079460958", 5)).isEmpty();
    }

    @Test
    void aContactChangeShowsUnderTheOldAndTheNewNumbers() {
        records.updateContact(alice.id(), ContactChange.from(Map.of("lastName", "Moreno-Smith",
            "phoneNumbers", List.of("+44 20 7946 0958")), new PhoneNumbers("US")), ADA);

        assertThat(records.findByPhone(PHONE, 5)).isEmpty();
        assertThat(records.findByPhone("+442079460958", 5).orElseThrow().customer().lastName()).isEqualTo("Moreno-Smith");
        assertThat(records.findByAccount("AC-1", 5).orElseThrow().customer().lastName()).isEqualTo("Moreno-Smith");
    }

    @Test
    void notesComplaintsAndConsentsShowOnTheNextPop() {
        records.addNote(alice.id(), "Asked about the new tariff", ADA);
        assertThat(records.findByPhone(PHONE, 5).orElseThrow().recentInteractions()).hasSize(1);

        records.recordComplaint(alice.id(), "Billed twice", ADA);
        assertThat(records.findByPhone(PHONE, 5).orElseThrow().hasOpenComplaint()).isTrue();

        records.setConsent(alice.id(), new Consent(Consent.Channel.SMS, true, T0), ADA);
        assertThat(records.findByAccount("AC-1", 5).orElseThrow().consents()).hasSize(1);
    }

    @Test
    void anErasedCustomerIsNoLongerFoundByTheirNumberOrAccount() {
        records.erase(alice.id(), ADA);

        assertThat(records.findByPhone(PHONE, 5)).isEmpty();
        assertThat(records.findByAccount("AC-1", 5)).isEmpty();
    }

    @Test
    void aNewCustomerIsFoundAtOnceUnderANumberCachedAsUnknown() {
        Customer bob = records.create(new Customer(0, "Mr", "Bob", "Stone", null, "AC-2", List.of("+442079460958")), ADA);

        assertThat(records.findByPhone("+442079460958", 5).orElseThrow().customer()).isEqualTo(bob);
    }
}

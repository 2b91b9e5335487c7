package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

/**
 * What every {@link CustomerDirectory} must do. A subclass hands out a directory and the log whose interactions it
 * shows, both empty at the start of each test.
 */
public abstract class CustomerDirectoryContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    protected abstract CustomerDirectory directory();

    protected abstract InteractionLog history();

    protected static Customer alice(String... numbers) {
        return new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of(numbers));
    }

    protected static InteractionRecord interaction(String key, Long customerId, Instant startedAt, String outcome) {
        return new InteractionRecord(key, customerId, "+12025550143", "PJSIP/trunk-0001", "billing", "1001",
            startedAt, startedAt.plusSeconds(5), startedAt.plusSeconds(120), outcome);
    }

    @Test
    public void savedCustomerIsFoundByEachOfTheirNumbers() {
        Customer saved = directory().save(alice("+12025550143", "+442079460018", "+4930901820"));

        assertThat(saved.id()).isPositive();
        assertThat(saved).isEqualTo(new Customer(saved.id(), "Ms", "Alice", "Moreno", "Gold", "AC-1",
            List.of("+12025550143", "+442079460018", "+4930901820")));
        for (String number : saved.phoneNumbers()) {
            CustomerProfile profile = directory().findByPhone(number, 5).orElseThrow();
            assertThat(profile.customer()).isEqualTo(saved);
            assertThat(profile.recentInteractions()).isEmpty();
        }
    }

    @Test
    public void eachNewCustomerGetsItsOwnId() {
        Customer first = directory().save(alice("+12025550143"));
        Customer second = directory().save(new Customer(0, null, "Bob", "Stone", null, null, List.of("+13125550122")));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(directory().findByPhone("+13125550122", 1).orElseThrow().customer()).isEqualTo(second);
        assertThat(directory().findByPhone("+12025550143", 1).orElseThrow().customer()).isEqualTo(first);
    }

    @Test
    public void unknownOrMalformedNumberFindsNothing() {
        directory().save(alice("+12025550143"));

        assertThat(directory().findByPhone("+12025550144", 5)).isEmpty();
        assertThat(directory().findByPhone("2025550143", 5)).isEmpty();
        assertThat(directory().findByPhone("", 5)).isEmpty();
    }

    @Test
    public void updateReplacesFieldsAndPhones() {
        Customer saved = directory().save(alice("+12025550143", "+12025550178"));

        Customer changed = new Customer(saved.id(), "Dr", "Alice", "Moreno-Smith", "Silver", "AC-1",
            List.of("+12025550178", "+14155550199"));
        Customer updated = directory().save(changed);

        assertThat(updated).isEqualTo(changed);
        assertThat(directory().findByPhone("+12025550143", 5)).isEmpty();
        assertThat(directory().findByPhone("+12025550178", 5).orElseThrow().customer()).isEqualTo(changed);
        assertThat(directory().findByPhone("+14155550199", 5).orElseThrow().customer()).isEqualTo(changed);
    }

    @Test
    public void repeatedNumbersAreStoredOnce() {
        Customer saved = directory().save(alice("+12025550143", "+12025550178", "+12025550143"));

        assertThat(saved.phoneNumbers()).containsExactly("+12025550143", "+12025550178");
        assertThat(directory().findByPhone("+12025550143", 0).orElseThrow().customer()).isEqualTo(saved);
    }

    @Test
    public void aSharedNumberResolvesToTheFirstCustomerSaved() {
        Customer first = directory().save(alice("+12025550143"));
        directory().save(new Customer(0, "Mr", "Luis", "Moreno", null, "AC-2", List.of("+12025550143")));

        assertThat(directory().findByPhone("+12025550143", 0).orElseThrow().customer()).isEqualTo(first);
    }

    @Test
    public void recentInteractionsAreNewestFirstAndLimited() {
        Customer alice = directory().save(alice("+12025550143"));
        Customer bob = directory().save(new Customer(0, null, "Bob", "Stone", null, null, List.of("+13125550122")));
        history().record(interaction("c-2", alice.id(), T0.plusSeconds(200), "ANSWERED"));
        history().record(interaction("c-4", alice.id(), T0.plusSeconds(400), "ABANDONED"));
        history().record(interaction("c-1", alice.id(), T0.plusSeconds(100), "ANSWERED"));
        history().record(interaction("c-3", alice.id(), T0.plusSeconds(300), "TRANSFERRED"));
        history().record(interaction("b-9", bob.id(), T0.plusSeconds(900), "ANSWERED"));
        history().record(interaction("anon", null, T0.plusSeconds(950), "ANSWERED"));

        List<InteractionSummary> recent = directory().findByPhone("+12025550143", 3).orElseThrow().recentInteractions();

        assertThat(recent).extracting(InteractionSummary::startedAt)
            .containsExactly(T0.plusSeconds(400), T0.plusSeconds(300), T0.plusSeconds(200));
        assertThat(recent.get(0)).isEqualTo(
            new InteractionSummary(T0.plusSeconds(400), "PJSIP/trunk-0001", "billing", "1001", "ABANDONED", null));
        assertThat(directory().findByPhone("+12025550143", 10).orElseThrow().recentInteractions()).hasSize(4);
        assertThat(directory().findByPhone("+12025550143", 0).orElseThrow().recentInteractions()).isEmpty();
        assertThat(directory().findByPhone("+13125550122", 10).orElseThrow().recentInteractions())
            .extracting(InteractionSummary::startedAt).containsExactly(T0.plusSeconds(900));
    }

    @Test
    public void aNumberThatIsNotE164IsRefusedByNameAndNothingIsStored() {
        assertThatThrownBy(() -> directory().save(alice("+12025550143", "202-555-0178")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("202-555-0178");

        assertThat(directory().findByPhone("+12025550143", 0)).isEmpty();
        Customer saved = directory().save(alice("+12025550143"));
        assertThatThrownBy(() -> directory().save(new Customer(saved.id(), "Ms", "Alice", "Changed", "Gold", "AC-1",
            List.of("+14155550199", "0044 20 7946 0018"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("0044 20 7946 0018");
        assertThat(directory().findByPhone("+12025550143", 0).orElseThrow().customer()).isEqualTo(saved);
        assertThat(directory().findByPhone("+14155550199", 0)).isEmpty();
    }

    @Test
    public void aTakenAccountNumberIsRefusedAndNothingIsStored() {
        directory().save(alice("+12025550143"));

        assertThatThrownBy(() -> directory().save(
            new Customer(0, "Mr", "Copy", "Cat", null, "AC-1", List.of("+13125550122"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("AC-1");
        assertThat(directory().findByPhone("+13125550122", 0)).isEmpty();
    }

    @Test
    public void updatingAnUnknownIdIsRefused() {
        assertThatThrownBy(() -> directory().save(
            new Customer(424242, "Ms", "Nobody", "Here", null, null, List.of("+13125550122"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("424242");
        assertThat(directory().findByPhone("+13125550122", 0)).isEmpty();
    }

    @Test
    public void badArgumentsAreRefusedClearly() {
        assertThatThrownBy(() -> directory().findByPhone(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> directory().findByPhone("+12025550143", -1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory().save(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> directory().save(new Customer(-1, null, "A", "B", null, null, List.of())))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void aCustomerWithoutNumbersCanBeSavedAndUpdated() {
        Customer saved = directory().save(new Customer(0, null, "No", "Phone", null, null, List.of()));
        Customer updated = directory().save(new Customer(saved.id(), null, "No", "Phone", null, null,
            List.of("+13125550122")));

        assertThat(saved.phoneNumbers()).isEmpty();
        assertThat(directory().findByPhone("+13125550122", 0).orElseThrow().customer()).isEqualTo(updated);
    }

    /** Alice with every detail the model has, so that a round trip that drops one shows. */
    protected static Customer fullAlice() {
        return alice("+12025550143").withContact(new Customer.Contact("alice@example.com", "es-US", "sms", "09:00-12:00"))
            .withValue(new Customer.Value(new BigDecimal("4820.5"), new BigDecimal("148.25"), new BigDecimal("-12.40")))
            .withRelationship(new Customer.Relationship(true, true, "1001"));
    }

    @Test
    public void everyFieldSurvivesTheRoundTrip() {
        Customer saved = directory().save(fullAlice());

        assertThat(saved).isEqualTo(fullAlice().stored(saved.id(), List.of("+12025550143")));
        assertThat(saved.value().lifetimeValue()).isEqualTo(new BigDecimal("4820.50"));
        assertThat(directory().findByPhone("+12025550143", 0).orElseThrow().customer()).isEqualTo(saved);
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().customer()).isEqualTo(saved);

        Customer changed = saved.withContact(new Customer.Contact("a.moreno@example.org", "en", "voice", "18:00-20:30"))
            .withValue(new Customer.Value(BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("99999999999.99")))
            .withRelationship(new Customer.Relationship(false, true, "2002"));
        directory().save(changed);
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().customer()).isEqualTo(changed);

        Customer cleared = new Customer(saved.id(), "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143"));
        directory().save(cleared);
        Customer back = directory().findByAccount("AC-1", 0).orElseThrow().customer();
        assertThat(back).isEqualTo(cleared);
        assertThat(back.contact()).isEqualTo(Customer.Contact.NONE);
        assertThat(back.value()).isEqualTo(Customer.Value.NONE);
        assertThat(back.relationship()).isEqualTo(Customer.Relationship.NONE);
    }

    @Test
    public void findByAccountGivesTheWholeProfile() {
        Customer alice = directory().save(fullAlice());
        directory().save(new Customer(0, null, "Bob", "Stone", null, "AC-2", List.of("+13125550122")));
        history().record(interaction("c-1", alice.id(), T0, "ANSWERED"));
        history().record(interaction("c-2", alice.id(), T0.plusSeconds(60), "ANSWERED"));

        CustomerProfile profile = directory().findByAccount("AC-1", 1).orElseThrow();

        assertThat(profile.customer()).isEqualTo(alice);
        assertThat(profile.recentInteractions()).extracting(InteractionSummary::startedAt)
            .containsExactly(T0.plusSeconds(60));
        assertThat(profile.openCases()).isEmpty();
        assertThat(profile.consents()).isEmpty();
        assertThat(directory().findByAccount("AC-2", 5).orElseThrow().customer().firstName()).isEqualTo("Bob");
        assertThat(directory().findByAccount("AC-3", 5)).isEmpty();
        assertThat(directory().findByAccount("ac-1", 5)).isEmpty();
        assertThat(directory().findByAccount("", 5)).isEmpty();
        assertThatThrownBy(() -> directory().findByAccount(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> directory().findByAccount("AC-1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void aChangedAccountNumberIsFoundUnderTheNewOneOnly() {
        Customer saved = directory().save(fullAlice());
        Customer moved = new Customer(saved.id(), "Ms", "Alice", "Moreno", "Gold", "AC-9", List.of("+12025550143"),
            saved.contact(), saved.value(), saved.relationship());
        directory().save(moved);

        assertThat(directory().findByAccount("AC-1", 0)).isEmpty();
        assertThat(directory().findByAccount("AC-9", 0).orElseThrow().customer()).isEqualTo(moved);
        assertThat(directory().save(new Customer(0, null, "New", "Owner", null, "AC-1", List.of())).accountNumber())
            .isEqualTo("AC-1");
    }

    @Test
    public void badDetailsAreRefusedByFieldAndNothingStoredChanges() {
        Customer saved = directory().save(fullAlice());

        assertThatThrownBy(() -> saved.withContact(new Customer.Contact("alice.example.com", null, null, null)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
        assertThatThrownBy(() -> new Customer.Contact(null, null, "fax", null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preferredChannel");
        assertThatThrownBy(() -> new Customer.Contact(null, null, null, "9-5"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preferredContactTime");
        assertThatThrownBy(() -> new Customer.Contact(null, "English", null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preferredLanguage");
        assertThatThrownBy(() -> new Customer.Value(new BigDecimal("-0.01"), null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifetimeValue");
        assertThatThrownBy(() -> new Customer.Value(null, new BigDecimal("-5"), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquisitionCost");
        assertThatThrownBy(() -> new Customer.Value(null, null, new BigDecimal("1.005")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance");
        assertThatThrownBy(() -> new Customer.Value(null, null, new BigDecimal("1000000000000")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance");
        assertThatThrownBy(() -> new Customer.Relationship(true, false, " "))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountManager");

        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().customer()).isEqualTo(saved);
    }
}

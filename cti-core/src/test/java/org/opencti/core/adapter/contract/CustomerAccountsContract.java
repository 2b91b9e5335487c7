package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerAccounts;

/**
 * What every {@link CustomerAccounts} must do with the account beside the customer: PINs and their lockout, orders,
 * cases and consents. A subclass hands out an empty directory for each test. Time is the {@code now}
 * handed in, so the lockout is tested without sleeping.
 */
public abstract class CustomerAccountsContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private CustomerAccounts directory;
    private Customer alice;
    private Customer bob;

    /** A directory with nothing in it (called before each test, so it runs before any subclass's own set-up). */
    protected abstract CustomerAccounts emptyDirectory();

    protected final CustomerAccounts directory() {
        return directory;
    }

    @BeforeEach
    void twoCustomers() {
        directory = emptyDirectory();
        alice = directory().save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143")));
        bob = directory().save(new Customer(0, "Mr", "Bob", "Stone", null, "AC-2", List.of("+13125550122")));
    }

    private PinCheck check(String pin, Instant at) {
        return directory().verifyPin("AC-1", pin, at);
    }

    @Test
    public void theRightPinIsVerifiedAndAWrongOneIsNot() {
        directory().setPin("AC-1", "1234");

        assertThat(check("1234", T0)).isEqualTo(PinCheck.VERIFIED);
        assertThat(check("4321", T0)).isEqualTo(PinCheck.WRONG);
        assertThat(check("12345", T0)).isEqualTo(PinCheck.WRONG);
        assertThat(check("12a4", T0)).isEqualTo(PinCheck.WRONG);
        assertThat(directory().verifyPin("AC-2", "1234", T0)).isEqualTo(PinCheck.NO_PIN);
        assertThat(directory().verifyPin("AC-404", "1234", T0)).isEqualTo(PinCheck.UNKNOWN_ACCOUNT);
        assertThatThrownBy(() -> directory().verifyPin(null, "1234", T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> directory().verifyPin("AC-1", "1234", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    public void fiveWrongPinsInARowLockTheAccountForFifteenMinutes() {
        directory().setPin("AC-1", "1234");
        for (int i = 1; i <= 4; i++) {
            assertThat(check("0000", T0.plusSeconds(i))).as("wrong PIN %d", i).isEqualTo(PinCheck.WRONG);
        }
        Instant lockedAt = T0.plusSeconds(5);

        assertThat(check("0000", lockedAt)).isEqualTo(PinCheck.LOCKED);
        assertThat(check("1234", lockedAt.plus(MINUTE))).isEqualTo(PinCheck.LOCKED);
        assertThat(check("1234", lockedAt.plus(Duration.ofMinutes(15)).minusSeconds(1))).isEqualTo(PinCheck.LOCKED);
        assertThat(check("1234", lockedAt.plus(Duration.ofMinutes(15)))).isEqualTo(PinCheck.VERIFIED);
    }

    @Test
    public void anEndedLockoutGivesFiveFreshTries() {
        directory().setPin("AC-1", "1234");
        for (int i = 0; i < 5; i++) {
            check("0000", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(20));

        for (int i = 0; i < 4; i++) {
            assertThat(check("0000", later)).isEqualTo(PinCheck.WRONG);
        }
        assertThat(check("0000", later)).isEqualTo(PinCheck.LOCKED);
    }

    @Test
    public void theRightPinResetsTheCount() {
        directory().setPin("AC-1", "1234");
        for (int i = 0; i < 4; i++) {
            check("9999", T0);
        }
        assertThat(check("1234", T0)).isEqualTo(PinCheck.VERIFIED);

        for (int i = 0; i < 4; i++) {
            assertThat(check("9999", T0.plus(MINUTE))).isEqualTo(PinCheck.WRONG);
        }
        assertThat(check("1234", T0.plus(MINUTE))).isEqualTo(PinCheck.VERIFIED);
    }

    @Test
    public void aNewPinEndsTheLockoutAndTheOldPinNoLongerWorks() {
        directory().setPin("AC-1", "1234");
        for (int i = 0; i < 5; i++) {
            check("0000", T0);
        }
        directory().setPin("AC-1", "87654321");

        assertThat(check("1234", T0)).isEqualTo(PinCheck.WRONG);
        assertThat(check("87654321", T0)).isEqualTo(PinCheck.VERIFIED);
    }

    @Test
    public void savingTheCustomerKeepsTheirPin() {
        directory().setPin("AC-1", "1234");
        directory().save(new Customer(alice.id(), "Dr", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143")));

        assertThat(check("1234", T0)).isEqualTo(PinCheck.VERIFIED);
    }

    @Test
    public void concurrentWrongPinsAreEachCounted() throws Exception {
        directory().setPin("AC-1", "1234");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<PinCheck>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> check("0000", T0));
            }
            for (Future<PinCheck> result : callers.invokeAll(attempts, 30, TimeUnit.SECONDS)) {
                assertThat(result.get()).isEqualTo(PinCheck.WRONG);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(check("0000", T0)).as("the fifth failure, if none of the four was lost").isEqualTo(PinCheck.LOCKED);
    }

    @Test
    public void aPinMustBeFourToEightDigitsAndIsNeverEchoed() {
        for (String bad : new String[] {"123", "123456789", "12a4", "", " 1234", "\u0661\u0662\u0663\u0664"}) {
            assertThatThrownBy(() -> directory().setPin("AC-1", bad)).as(bad)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pin")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12a4"));
        }
        assertThatThrownBy(() -> directory().setPin("AC-1", null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("pin");
        assertThatThrownBy(() -> directory().setPin("AC-404", "1234")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("AC-404");
        assertThat(check("1234", T0)).as("nothing was set").isEqualTo(PinCheck.NO_PIN);
    }

    @Test
    public void anOrderIsFoundOnlyThroughItsOwnersAccount() {
        CustomerOrder order = new CustomerOrder("ORD-1001", CustomerOrder.Status.SHIPPED, T0);
        assertThat(directory().saveOrder(alice.id(), order)).isEqualTo(order);

        assertThat(directory().findOrder("AC-1", "ORD-1001")).contains(order);
        assertThat(directory().findOrder("AC-2", "ORD-1001")).isEmpty();
        assertThat(directory().findOrder("AC-404", "ORD-1001")).isEmpty();
        assertThat(directory().findOrder("AC-1", "ORD-1002")).isEmpty();

        CustomerOrder delivered = new CustomerOrder("ORD-1001", CustomerOrder.Status.DELIVERED, T0.plus(MINUTE));
        directory().saveOrder(alice.id(), delivered);
        assertThat(directory().findOrder("AC-1", "ORD-1001")).contains(delivered);
    }

    @Test
    public void anotherCustomersOrderNumberIsRefusedAndLeftAlone() {
        CustomerOrder order = new CustomerOrder("ORD-1001", CustomerOrder.Status.PACKED, T0);
        directory().saveOrder(alice.id(), order);

        assertThatThrownBy(() -> directory().saveOrder(bob.id(),
            new CustomerOrder("ORD-1001", CustomerOrder.Status.CANCELLED, T0.plus(MINUTE))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORD-1001");
        assertThatThrownBy(() -> directory().saveOrder(424242, new CustomerOrder("ORD-7", CustomerOrder.Status.PACKED, T0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> new CustomerOrder("ORD 1", CustomerOrder.Status.PACKED, T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderNumber");
        assertThatThrownBy(() -> CustomerOrder.Status.of("lost"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");

        assertThat(directory().findOrder("AC-1", "ORD-1001")).contains(order);
        assertThat(directory().findOrder("AC-2", "ORD-1001")).isEmpty();
    }

    @Test
    public void theProfileListsOpenAndPendingCasesOldestFirst() {
        CustomerCase issue = directory().addCase(alice.id(),
            CustomerCase.open(CustomerCase.Kind.ISSUE, "No dial tone", T0.plus(MINUTE)));
        CustomerCase complaint = directory().addCase(alice.id(), new CustomerCase(0, CustomerCase.Kind.COMPLAINT,
            CustomerCase.Status.PENDING, "Billed twice", T0, null));
        directory().addCase(alice.id(), new CustomerCase(0, CustomerCase.Kind.COMPLAINT, CustomerCase.Status.RESOLVED,
            "Rude agent", T0.minusSeconds(3600), T0.minusSeconds(60)));
        directory().addCase(alice.id(), new CustomerCase(0, CustomerCase.Kind.ISSUE, CustomerCase.Status.CLOSED,
            "Old router", T0.minusSeconds(7200), null));
        directory().addCase(bob.id(), CustomerCase.open(CustomerCase.Kind.COMPLAINT, "Bob's own", T0));

        assertThat(issue.id()).isPositive();
        assertThat(complaint.id()).isNotEqualTo(issue.id());
        CustomerProfile profile = directory().findByPhone("+12025550143", 0).orElseThrow();
        assertThat(profile.openCases()).containsExactly(complaint, issue);
        assertThat(profile.hasOpenComplaint()).isTrue();
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().openCases()).containsExactly(complaint, issue);
    }

    @Test
    public void resolvingACaseTakesItOffTheProfileAndReopeningBringsItBack() {
        CustomerCase complaint = directory().addCase(alice.id(),
            CustomerCase.open(CustomerCase.Kind.COMPLAINT, "Billed twice", T0));

        CustomerCase resolved = directory().setCaseStatus(complaint.id(), CustomerCase.Status.RESOLVED, T0.plus(MINUTE));
        assertThat(resolved.closedAt()).isEqualTo(T0.plus(MINUTE));
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().openCases()).isEmpty();
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().hasOpenComplaint()).isFalse();

        CustomerCase reopened = directory().setCaseStatus(complaint.id(), CustomerCase.Status.OPEN, T0.plus(MINUTE));
        assertThat(reopened).isEqualTo(complaint);
        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().openCases()).containsExactly(complaint);
    }

    @Test
    public void aCaseNamesItsCustomer() {
        CustomerCase bobs = directory().addCase(bob.id(), CustomerCase.open(CustomerCase.Kind.ISSUE, "No dial tone", T0));
        CustomerCase alices = directory().addCase(alice.id(), CustomerCase.open(CustomerCase.Kind.ISSUE, "Slow line", T0));

        assertThat(directory().customerOfCase(bobs.id())).hasValue(bob.id());
        assertThat(directory().customerOfCase(alices.id())).hasValue(alice.id());
        assertThat(directory().customerOfCase(424242)).isEmpty();
    }

    @Test
    public void badCasesAreRefusedByFieldAndNothingStoredChanges() {
        CustomerCase open = directory().addCase(alice.id(), CustomerCase.open(CustomerCase.Kind.ISSUE, "Slow line", T0));

        assertThatThrownBy(() -> CustomerCase.Status.of("reopened"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status").hasMessageContaining("reopened");
        assertThatThrownBy(() -> CustomerCase.Kind.of("praise"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> CustomerCase.open(CustomerCase.Kind.ISSUE, " ", T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> directory().setCaseStatus(open.id(), CustomerCase.Status.CLOSED, T0.minusSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closedAt");
        assertThatThrownBy(() -> directory().setCaseStatus(424242, CustomerCase.Status.CLOSED, T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> directory().addCase(424242, CustomerCase.open(CustomerCase.Kind.ISSUE, "x", T0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> directory().addCase(alice.id(), open))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");

        assertThat(directory().findByAccount("AC-1", 0).orElseThrow().openCases()).containsExactly(open);
    }

    @Test
    public void consentsAreKeptPerChannelAndTheLatestAnswerWins() {
        directory().setConsent(alice.id(), new Consent(Consent.Channel.EMAIL, true, T0));
        directory().setConsent(alice.id(), new Consent(Consent.Channel.VOICE, true, T0));
        directory().setConsent(alice.id(), new Consent(Consent.Channel.VOICE, false, T0.plus(MINUTE)));
        directory().setConsent(bob.id(), new Consent(Consent.Channel.SMS, true, T0));

        CustomerProfile profile = directory().findByAccount("AC-1", 0).orElseThrow();
        assertThat(profile.consents()).containsExactly(new Consent(Consent.Channel.VOICE, false, T0.plus(MINUTE)),
            new Consent(Consent.Channel.EMAIL, true, T0));
        assertThat(profile.consentFor(Consent.Channel.SMS)).isEmpty();
        assertThat(directory().findByPhone("+13125550122", 0).orElseThrow().consents())
            .containsExactly(new Consent(Consent.Channel.SMS, true, T0));
        assertThatThrownBy(() -> directory().setConsent(424242, new Consent(Consent.Channel.SMS, true, T0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424242");
        assertThatThrownBy(() -> Consent.Channel.of("fax"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }
}

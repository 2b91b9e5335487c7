package org.opencti.core.adapter.postgres;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.port.CustomerAccounts;

/**
 * Believable demo customers (US 555-01xx numbers, which are reserved for fiction) for the demo and load tests. Each
 * has a balance the IVR can say and the PIN {@link #PIN}; some have orders, an open complaint, consents, so that the
 * demo IVR's account, PIN, balance and order-status paths all have something to find.
 */
public final class SampleCustomers {
    /** The number {@link #seed} checks to tell whether the samples are already there. */
    public static final String FIRST_NUMBER = "+12025550143";
    /** Every sample account's PIN (hashed when seeded, like any PIN). */
    public static final String PIN = "1234";
    /** When the sample cases, orders and consents happened: fixed, so that a demo run looks the same every time. */
    static final Instant AS_OF = Instant.parse("2026-11-20T10:00:00Z");

    private SampleCustomers() {
    }

    /** The sample customers, not yet saved (id 0). */
    public static List<Customer> demo() {
        return List.of(
            sample("Ms", "Alice", "Moreno", "Gold", "100234", List.of(FIRST_NUMBER, "+12025550178"),
                "alice.moreno@example.com", "en", "voice", "09:00-12:00", "4820.00", "148.50", "-12.40", true, false,
                "1001"),
            sample("Mr", "David", "Chen", "Silver", "100487", List.of("+13125550122"),
                "d.chen@example.net", "en", "email", null, "1310.75", "95.00", "64.99", false, false, null),
            sample("Dr", "Priya", "Raman", "Gold", "100562", List.of("+14155550199", "+14155550107"),
                "priya@example.org", "en", "sms", "13:00-17:00", "7645.20", "210.00", "0.00", true, true, "1002"),
            sample("Mrs", "Grace", "O'Connor", "Bronze", "100610", List.of("+16175550134"),
                null, "en", "voice", null, "220.00", "40.00", "18.25", false, false, null),
            sample("Mr", "Marcus", "Johnson", "Silver", "100733", List.of("+17135550161"),
                "marcus.j@example.com", "en", "voice", "18:00-20:00", "1980.40", "120.00", "231.60", false, true, null),
            sample("Ms", "Sofia", "Alvarez", "Bronze", "100845", List.of("+13055550186"),
                "sofia.alvarez@example.com", "es", "sms", null, "310.00", "35.00", "42.10", false, false, null),
            sample("Mr", "Tom", "Becker", "Bronze", "100912", List.of("+12065550113", "+12065550191"),
                null, "en", null, null, "150.00", "55.00", "9.99", false, false, null),
            sample("Ms", "Hannah", "Kim", "Gold", "101007", List.of("+15125550175"),
                "hannah.kim@example.com", "en", "email", "08:00-10:00", "5230.00", "175.00", "312.45", true, false,
                "1003"));
    }

    private static Customer sample(String salutation, String first, String last, String tier, String account,
                                   List<String> numbers, String email, String language, String channel, String window,
                                   String lifetime, String acquisition, String balance, boolean vip, boolean churnRisk,
                                   String manager) {
        return new Customer(0, salutation, first, last, tier, account, numbers,
            new Customer.Contact(email, language, channel, window),
            new Customer.Value(new BigDecimal(lifetime), new BigDecimal(acquisition), new BigDecimal(balance)),
            new Customer.Relationship(vip, churnRisk, manager));
    }

    /**
     * Saves the samples, their PINs, orders, cases and consents, unless {@link #FIRST_NUMBER} is already known (so
     * running it again adds nothing).
     */
    public static void seed(CustomerAccounts directory) {
        Objects.requireNonNull(directory, "directory");
        if (directory.findByPhone(FIRST_NUMBER, 0).isPresent()) {
            return;
        }
        for (Customer sample : demo()) {
            Customer saved = directory.save(sample);
            directory.setPin(saved.accountNumber(), PIN);
            extras(directory, saved);
        }
    }

    /** Orders, cases and consents for some of the samples: enough for every IVR path, not more. */
    private static void extras(CustomerAccounts directory, Customer saved) {
        long id = saved.id();
        switch (saved.accountNumber()) {
            case "100234" -> {
                directory.saveOrder(id, new CustomerOrder("500170", CustomerOrder.Status.SHIPPED, AS_OF));
                directory.saveOrder(id, new CustomerOrder("498720", CustomerOrder.Status.DELIVERED,
                    AS_OF.minusSeconds(6 * 86_400)));
                directory.addCase(id, CustomerCase.open(CustomerCase.Kind.COMPLAINT,
                    "Charged twice for the October invoice", AS_OF.minusSeconds(2 * 86_400)));
                directory.setConsent(id, new Consent(Consent.Channel.VOICE, true, AS_OF));
                directory.setConsent(id, new Consent(Consent.Channel.SMS, true, AS_OF));
                directory.setConsent(id, new Consent(Consent.Channel.EMAIL, false, AS_OF));
            }
            case "100487" -> {
                directory.saveOrder(id, new CustomerOrder("501020", CustomerOrder.Status.PACKED, AS_OF));
                directory.setConsent(id, new Consent(Consent.Channel.EMAIL, true, AS_OF));
            }
            case "100562" -> {
                directory.addCase(id, CustomerCase.open(CustomerCase.Kind.ISSUE, "Router drops the line every evening",
                    AS_OF.minusSeconds(86_400)));
                CustomerCase old = directory.addCase(id, CustomerCase.open(CustomerCase.Kind.COMPLAINT,
                    "Engineer missed the appointment", AS_OF.minusSeconds(30 * 86_400)));
                directory.setCaseStatus(old.id(), CustomerCase.Status.RESOLVED, AS_OF.minusSeconds(27 * 86_400));
                directory.setConsent(id, new Consent(Consent.Channel.SMS, true, AS_OF));
            }
            case "100733" -> directory.saveOrder(id, new CustomerOrder("502300", CustomerOrder.Status.RECEIVED,
                AS_OF));
            default -> {
            }
        }
    }
}

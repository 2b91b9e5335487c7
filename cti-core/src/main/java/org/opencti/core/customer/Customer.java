package org.opencti.core.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer as the screen pop and the IVR see them. Phone numbers are E.164. The newer details are grouped
 * ({@link Contact}, {@link Value}, {@link Relationship}) so that the constructor stays readable; none of them is ever
 * null (absent details are their {@code NONE}). The PIN is not here on purpose: only its hash is stored, and only the
 * directory's {@code verifyPin} looks at it, so a customer handed to a screen can never leak it.
 */
public record Customer(long id, String salutation, String firstName, String lastName, String tier,
                       String accountNumber, List<String> phoneNumbers, Contact contact, Value value,
                       Relationship relationship) {
    public Customer {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        phoneNumbers = List.copyOf(phoneNumbers);
        contact = contact == null ? Contact.NONE : contact;
        value = value == null ? Value.NONE : value;
        relationship = relationship == null ? Relationship.NONE : relationship;
    }

    /** The original shape, still used across the reactor: no contact details, value or relationship. */
    public Customer(long id, String salutation, String firstName, String lastName, String tier,
                    String accountNumber, List<String> phoneNumbers) {
        this(id, salutation, firstName, lastName, tier, accountNumber, phoneNumbers, null, null, null);
    }

    public String displayName() {
        // stripped: an erased customer has no last name
        return ((salutation == null || salutation.isBlank() ? "" : salutation + " ") + firstName + " " + lastName).strip();
    }

    /** The same customer under another id and with these numbers (what a directory hands back after a save). */
    public Customer stored(long newId, List<String> numbers) {
        return new Customer(newId, salutation, firstName, lastName, tier, accountNumber, numbers, contact, value,
            relationship);
    }

    public Customer withContact(Contact newContact) {
        return new Customer(id, salutation, firstName, lastName, tier, accountNumber, phoneNumbers, newContact, value,
            relationship);
    }

    public Customer withValue(Value newValue) {
        return new Customer(id, salutation, firstName, lastName, tier, accountNumber, phoneNumbers, contact, newValue,
            relationship);
    }

    public Customer withRelationship(Relationship newRelationship) {
        return new Customer(id, salutation, firstName, lastName, tier, accountNumber, phoneNumbers, contact, value,
            newRelationship);
    }

    /**
     * How to reach the customer. Every field may be null (not known). Checked here, so that a bad value is refused
     * before any store is touched: {@code preferredContactTime} is a window such as "09:00-12:00" (local time).
     */
    public record Contact(String email, String preferredLanguage, String preferredChannel,
                          String preferredContactTime) {
        public static final Contact NONE = new Contact(null, null, null, null);
        /** The channels a customer may prefer; consents exist for the first three (there is no consent for chat). */
        public static final Set<String> CHANNELS = Set.of("voice", "sms", "email", "chat");

        private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
        // a language tag as the IVR's prompt sets are named: "en", "es", "en-GB"
        private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
        private static final Pattern WINDOW = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$");

        public Contact {
            refuseUnless(email == null || EMAIL.matcher(email).matches(), "email", email, "an e-mail address");
            refuseUnless(preferredLanguage == null || LANGUAGE.matcher(preferredLanguage).matches(),
                "preferredLanguage", preferredLanguage, "a language tag such as \"en\" or \"es-US\"");
            refuseUnless(preferredChannel == null || CHANNELS.contains(preferredChannel), "preferredChannel",
                preferredChannel, "one of voice, sms, email, chat");
            refuseUnless(preferredContactTime == null || WINDOW.matcher(preferredContactTime).matches(),
                "preferredContactTime", preferredContactTime, "a window such as \"09:00-12:00\"");
        }
    }

    /**
     * What the customer is worth and owes, in the account's currency, two decimals (numeric(14,2) in PostgreSQL).
     * Amounts are normalised to scale 2 so that 10.5 and 10.50 are the same value after a round trip. Lifetime value
     * and acquisition cost cannot be negative; a balance can (money owed to the customer).
     */
    public record Value(BigDecimal lifetimeValue, BigDecimal acquisitionCost, BigDecimal balance) {
        public static final Value NONE = new Value(null, null, null);
        private static final BigDecimal LIMIT = new BigDecimal("1000000000000"); // 12 digits before the point

        public Value {
            lifetimeValue = money("lifetimeValue", lifetimeValue, false);
            acquisitionCost = money("acquisitionCost", acquisitionCost, false);
            balance = money("balance", balance, true);
        }

        private static BigDecimal money(String field, BigDecimal amount, boolean mayBeNegative) {
            if (amount == null) {
                return null;
            }
            refuseUnless(mayBeNegative || amount.signum() >= 0, field, amount, "zero or more");
            refuseUnless(amount.abs().compareTo(LIMIT) < 0, field, amount, "less than 10^12");
            try {
                return amount.setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(field + " must have at most 2 decimals: " + amount, e);
            }
        }
    }

    /** How the centre treats the customer: routing priority flags and the agent who owns the relationship. */
    public record Relationship(boolean vip, boolean churnRisk, String accountManager) {
        public static final Relationship NONE = new Relationship(false, false, null);

        public Relationship {
            refuseUnless(accountManager == null || !accountManager.isBlank(), "accountManager", accountManager,
                "an agent id");
        }
    }

    static void refuseUnless(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(field + " must be " + expected + ", not \"" + value + "\"");
        }
    }
}

package org.opencti.core.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change to a customer's contact details: only the fields named in {@code fields} change, each to its value here
 * (null clears it, where it may be empty). Phone numbers are E.164 and replace the customer's whole list.
 * Built by {@link #from}, which checks every field and names each bad one.
 */
public record ContactChange(Set<String> fields, String salutation, String firstName, String lastName,
                            List<String> phoneNumbers, String email, String preferredLanguage, String preferredChannel,
                            String preferredContactTime) {
    /** The fields a contact change may carry, in the order errors and audit entries list them. */
    public static final List<String> FIELDS = List.of("salutation", "firstName", "lastName", "phoneNumbers", "email",
        "preferredLanguage", "preferredChannel", "preferredContactTime");
    public static final int MAX_NAME = 100;
    public static final int MAX_SALUTATION = 20;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONES = 10;

    public ContactChange {
        fields = Set.copyOf(fields);
        phoneNumbers = phoneNumbers == null ? null : List.copyOf(phoneNumbers);
        if (!FIELDS.containsAll(fields)) {
            throw new IllegalArgumentException("unknown fields in " + fields);
        }
    }

    /**
     * Reads a change from a parsed JSON object: unknown fields, wrong types and bad values are all reported at once
     * (an {@link InvalidFieldsException}, field to reason); phone numbers in any format the centre's region allows are
     * turned into E.164.
     */
    public static ContactChange from(Map<String, Object> body, PhoneNumbers numbers) {
        Objects.requireNonNull(body, "body");
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                errors.put(name, "unknown field; a contact change has " + String.join(", ", FIELDS));
            }
        }
        if (body.isEmpty()) {
            errors.put("$", "nothing to change: give at least one of " + String.join(", ", FIELDS));
        }
        Fields f = new Fields(body, errors);
        String salutation = f.text("salutation", MAX_SALUTATION, true);
        String firstName = f.text("firstName", MAX_NAME, false);
        String lastName = f.text("lastName", MAX_NAME, false);
        List<String> phones = phones(body, numbers, errors);
        String email = f.text("email", MAX_EMAIL, true);
        String language = f.text("preferredLanguage", 35, true);
        String channel = f.text("preferredChannel", 10, true);
        String window = f.text("preferredContactTime", 11, true);
        f.check("email", () -> new Customer.Contact(email, null, null, null));
        f.check("preferredLanguage", () -> new Customer.Contact(null, language, null, null));
        f.check("preferredChannel", () -> new Customer.Contact(null, null, channel, null));
        f.check("preferredContactTime", () -> new Customer.Contact(null, null, null, window));
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new ContactChange(body.keySet(), salutation, firstName, lastName, phones, email, language, channel,
            window);
    }

    private static List<String> phones(Map<String, Object> body, PhoneNumbers numbers, Map<String, String> errors) {
        if (!body.containsKey("phoneNumbers")) {
            return null;
        }
        if (!(body.get("phoneNumbers") instanceof List<?> given)) {
            errors.put("phoneNumbers", "must be an array of phone numbers");
            return null;
        }
        if (given.size() > MAX_PHONES) {
            errors.put("phoneNumbers", "at most " + MAX_PHONES + " numbers, not " + given.size());
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Object raw = given.get(i);
            var e164 = raw instanceof String s ? numbers.toE164(s) : java.util.Optional.<String>empty();
            if (e164.isEmpty()) {
                errors.put("phoneNumbers[" + i + "]", "not a phone number: \"" + raw + "\"");
            } else {
                out.add(e164.get());
            }
        }
        return new ArrayList<>(out);
    }

    public boolean changes(String field) {
        return fields.contains(field);
    }

    /** The customer with this change applied (fields not named keep their value). */
    public Customer applyTo(Customer c) {
        Customer.Contact old = c.contact();
        Customer.Contact contact = new Customer.Contact(
            changes("email") ? email : old.email(),
            changes("preferredLanguage") ? preferredLanguage : old.preferredLanguage(),
            changes("preferredChannel") ? preferredChannel : old.preferredChannel(),
            changes("preferredContactTime") ? preferredContactTime : old.preferredContactTime());
        return new Customer(c.id(), changes("salutation") ? salutation : c.salutation(),
            changes("firstName") ? firstName : c.firstName(), changes("lastName") ? lastName : c.lastName(), c.tier(),
            c.accountNumber(), changes("phoneNumbers") ? phoneNumbers : c.phoneNumbers(), contact, c.value(),
            c.relationship());
    }

    /** The names of the contact fields whose values differ between two versions of a customer, in {@link #FIELDS} order. */
    public static List<String> changed(Customer before, Customer after) {
        List<String> out = new ArrayList<>();
        Object[][] pairs = {
            {before.salutation(), after.salutation()}, {before.firstName(), after.firstName()},
            {before.lastName(), after.lastName()}, {before.phoneNumbers(), after.phoneNumbers()},
            {before.contact().email(), after.contact().email()},
            {before.contact().preferredLanguage(), after.contact().preferredLanguage()},
            {before.contact().preferredChannel(), after.contact().preferredChannel()},
            {before.contact().preferredContactTime(), after.contact().preferredContactTime()}};
        for (int i = 0; i < pairs.length; i++) {
            if (!Objects.equals(pairs[i][0], pairs[i][1])) {
                out.add(FIELDS.get(i));
            }
        }
        return out;
    }

    /** Reads typed fields of the body, recording a reason per bad field. */
    private record Fields(Map<String, Object> body, Map<String, String> errors) {
        String text(String name, int max, boolean mayBeEmpty) {
            if (!body.containsKey(name)) {
                return null;
            }
            Object value = body.get(name);
            if (value == null && mayBeEmpty) {
                return null;
            }
            if (!(value instanceof String s)) {
                errors.put(name, mayBeEmpty ? "must be a string or null" : "must be a string");
                return null;
            }
            String stripped = s.strip();
            if (stripped.isEmpty()) {
                if (!mayBeEmpty) {
                    errors.put(name, "must not be blank");
                }
                return null;
            }
            if (stripped.length() > max) {
                errors.put(name, "at most " + max + " characters, not " + stripped.length());
                return null;
            }
            if (stripped.chars().anyMatch(Character::isISOControl)) {
                errors.put(name, "must not contain control characters");
                return null;
            }
            return stripped;
        }

        void check(String name, Runnable validation) {
            if (errors.containsKey(name)) {
                return;
            }
            try {
                validation.run();
            } catch (IllegalArgumentException e) {
                errors.put(name, e.getMessage());
            }
        }
    }
}

package org.opencti.desktop.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.DuplicateCustomerException;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerRecords;
import org.opencti.dialer.lead.CsvReader;

/**
 * A bulk import of customers from a CRM: CSV (a header naming the fields) or JSON lines (one object per line), the
 * fields of the customer API ({@link #FIELDS}; {@code phoneNumbers} a JSON array, or in CSV numbers separated by
 * {@code ;}). Each row is checked field by field as a contact change is (numbers in any format the centre's region
 * allows are stored as E.164; e-mail), then refused as a duplicate when a number or the e-mail is an earlier row's or
 * already a customer's, else created through {@link CustomerRecords#create}, which audits it with the importing user
 * and time. One result per row: created (with the new id), invalid (field and reason) or duplicate (of which line or
 * customer). A file whose header or size is wrong is refused whole before anything is stored ({@link FileRefused}).
 */
final class CustomerImport {
    static final List<String> FIELDS = List.of("firstName", "lastName", "salutation", "phoneNumbers", "email",
        "preferredLanguage", "preferredChannel", "preferredContactTime", "tier", "accountNumber");
    static final int MAX_ROWS = 10_000;
    static final int MAX_FIELD_CHARS = 1_000;
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern TIER = Pattern.compile("[A-Za-z0-9_ -]{1,32}");

    /** The whole file is refused: nothing was stored. */
    static final class FileRefused extends RuntimeException {
        final String field;

        FileRefused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** One row as read: its line, its fields by name, or why it could not be read at all. */
    record Row(long line, Map<String, Object> fields, String error) {
    }

    /** What became of one row. {@code status}: created, invalid or duplicate. */
    record Outcome(long line, String status, Long customerId, String field, String reason, Long duplicateOfLine,
                   Long existingCustomerId) {
        JsonObject json() {
            JsonObject o = new JsonObject().put("line", line).put("status", status);
            if (customerId != null) {
                o.put("customerId", customerId);
            }
            if (field != null) {
                o.put("field", field).put("reason", reason);
            }
            if (duplicateOfLine != null) {
                o.put("duplicateOfLine", duplicateOfLine);
            }
            if (existingCustomerId != null) {
                o.put("existingCustomerId", existingCustomerId);
            }
            return o;
        }
    }

    private CustomerImport() {
    }

    /** The rows of a CSV file; the header must name firstName and lastName and nothing unknown. */
    static List<Row> csv(Reader in) {
        CsvReader reader = new CsvReader(in, MAX_FIELD_CHARS);
        Optional<CsvReader.CsvRecord> first = reader.next();
        if (first.isEmpty() || first.get().error() != null) {
            throw new FileRefused("body", "the first line must be a header naming the fields, such as firstName,lastName,"
                + "phoneNumbers,email");
        }
        List<String> header = first.get().fields().stream().map(String::strip).toList();
        for (int i = 0; i < header.size(); i++) {
            if (!FIELDS.contains(header.get(i))) {
                throw new FileRefused("header", "column " + (i + 1) + " \"" + header.get(i) + "\" is not a customer field; the"
                    + " fields are " + String.join(", ", FIELDS));
            }
            if (header.indexOf(header.get(i)) != i) {
                throw new FileRefused("header", "column \"" + header.get(i) + "\" is named twice");
            }
        }
        if (!header.contains("firstName") || !header.contains("lastName")) {
            throw new FileRefused("header", "the header must name firstName and lastName");
        }
        List<Row> rows = new ArrayList<>();
        for (Optional<CsvReader.CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
            CsvReader.CsvRecord r = next.get();
            if (r.isBlank()) {
                continue;
            }
            limit(rows);
            if (r.error() != null) {
                rows.add(new Row(r.line(), Map.of(), r.error()));
            } else if (r.fields().size() != header.size()) {
                rows.add(new Row(r.line(), Map.of(), r.fields().size() + " fields for " + header.size() + " columns"));
            } else {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String cell = r.fields().get(i).strip();
                    if (!cell.isEmpty()) {
                        fields.put(header.get(i), header.get(i).equals("phoneNumbers")
                            ? Arrays.stream(cell.split(";")).map(String::strip).filter(p -> !p.isEmpty()).toList() : cell);
                    }
                }
                rows.add(new Row(r.line(), fields, null));
            }
        }
        return rows;
    }

    /** The rows of a JSON-lines file: one object per non-blank line. */
    static List<Row> jsonLines(Reader in) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(in)) {
            long line = 0;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                limit(rows);
                try {
                    rows.add(new Row(line, new JsonObject(text).getMap(), null));
                } catch (DecodeException | ClassCastException e) {
                    rows.add(new Row(line, Map.of(), "not a JSON object"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void limit(List<Row> rows) {
        if (rows.size() >= MAX_ROWS) {
            throw new FileRefused("body", "at most " + MAX_ROWS + " customers per import; split the file");
        }
    }

    /** Checks and stores every row, in order; blocks (call on a worker). */
    static List<Outcome> run(List<Row> rows, CustomerRecords records, PhoneNumbers numbers, Actor actor) {
        List<Outcome> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row row : rows) {
            if (row.error() != null) {
                out.add(invalid(row.line(), "$", row.error()));
                continue;
            }
            Customer customer;
            try {
                customer = customer(row.fields(), numbers);
            } catch (InvalidFieldsException e) {
                // every bad field of the row: the first names the field, the reason lists them all
                String first = e.errors().keySet().iterator().next();
                out.add(invalid(row.line(), first, e.errors().size() == 1 ? e.errors().get(first)
                    : String.join("; ", e.errors().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).toList())));
                continue;
            }
            Optional<Outcome> earlier = earlierRow(row.line(), customer, seen);
            if (earlier.isPresent()) {
                out.add(earlier.get());
                continue;
            }
            try {
                Customer stored = records.create(customer, actor);
                out.add(new Outcome(row.line(), "created", stored.id(), null, null, null, null));
                customer.phoneNumbers().forEach(p -> seen.put("phone " + p, row.line()));
                if (customer.contact().email() != null) {
                    seen.put("email " + customer.contact().email().toLowerCase(Locale.ROOT), row.line());
                }
            } catch (DuplicateCustomerException e) {
                out.add(new Outcome(row.line(), "duplicate", null, e.field(), e.getMessage(), null, e.existingCustomerId()));
            } catch (IllegalArgumentException e) {
                // the store's own checks (an account number another customer has)
                out.add(invalid(row.line(), e.getMessage().contains("account number") ? "accountNumber" : "$", e.getMessage()));
            }
        }
        return out;
    }

    /** A duplicate of a row earlier in the file (one that was stored), by number or e-mail. */
    private static Optional<Outcome> earlierRow(long line, Customer customer, Map<String, Long> seen) {
        for (String phone : customer.phoneNumbers()) {
            Long at = seen.get("phone " + phone);
            if (at != null) {
                return Optional.of(new Outcome(line, "duplicate", null, "phoneNumbers", phone + " is also on line " + at, at, null));
            }
        }
        String email = customer.contact().email();
        Long at = email == null ? null : seen.get("email " + email.toLowerCase(Locale.ROOT));
        return at == null ? Optional.empty()
            : Optional.of(new Outcome(line, "duplicate", null, "email", email + " is also on line " + at, at, null));
    }

    /** The row as a new customer; every bad field reported at once. */
    static Customer customer(Map<String, Object> fields, PhoneNumbers numbers) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> contact = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (!FIELDS.contains(f.getKey())) {
                errors.put(f.getKey(), "unknown field; a customer has " + String.join(", ", FIELDS));
            } else if (!f.getKey().equals("tier") && !f.getKey().equals("accountNumber")) {
                contact.put(f.getKey(), f.getValue() instanceof JsonArray a ? a.getList() : f.getValue());
            }
        }
        for (String required : List.of("firstName", "lastName")) {
            if (fields.get(required) == null) {
                errors.put(required, "required");
            }
        }
        String tier = optional(fields, "tier", TIER, "1 to 32 letters, digits, spaces, _ or -", errors);
        String account = optional(fields, "accountNumber", ACCOUNT, "1 to 32 letters, digits, _ or -", errors);
        ContactChange change = null;
        try {
            change = ContactChange.from(contact, numbers);
        } catch (InvalidFieldsException e) {
            // "$" says there was nothing to change: the required names above already say what is missing
            e.errors().forEach((field, reason) -> {
                if (!field.equals("$")) {
                    errors.putIfAbsent(field, reason);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return change.applyTo(new Customer(0, null, "", "", tier, account, List.of()));
    }

    private static String optional(Map<String, Object> fields, String name, Pattern form, String expected,
                                   Map<String, String> errors) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !form.matcher(s.strip()).matches()) {
            errors.put(name, "must be " + expected);
            return null;
        }
        return s.strip();
    }

    private static Outcome invalid(long line, String field, String reason) {
        return new Outcome(line, "invalid", null, field, reason, null, null);
    }
}

package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerErasedException;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DncEntry;
import org.opencti.core.customer.DuplicateCustomerException;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.FreeText;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.NoSuchCustomerException;
import org.opencti.core.customer.Pins;

/**
 * People's changes to customers for {@link PostgresCustomerDirectory}: each one transaction with its audit row, the
 * customer row locked first so that a change and an erasure of the same customer are ordered. Only parameterised SQL.
 * Blocks: call from a worker.
 */
final class PostgresCustomerChanges {
    /** Erasure removes these; the audit names them (never their values). */
    static final List<String> ERASED_FIELDS = List.of("salutation", "firstName", "lastName", "phoneNumbers", "email",
        "preferredLanguage", "preferredChannel", "preferredContactTime", "accountNumber", "accountManager", "pin",
        "consents", "caseSummaries", "notes", "callerNumbers");
    // One key for every duplicate check: two creates with the same number on two nodes cannot both pass the check.
    private static final long DUPLICATE_CHECK_LOCK = 0x4355_5354_4455_50L;

    private static final String SELECT_CUSTOMER = "SELECT c.id, " + PostgresCustomerDirectory.FIELDS + ", "
        + "ARRAY(SELECT ph.e164 FROM customer_phones ph WHERE ph.customer_id = c.id ORDER BY ph.position, ph.e164) "
        + "AS phones FROM customers c ";
    // One indexed branch per way the text may be meant, united, then the page taken from the ids alone: an OR over
    // the branches cannot use the indexes and scanned every customer (830 ms for a rare name among 200,000; the
    // union reads a few index entries). Backslash is LIKE's default escape; the prefix escapes %, _ and itself.
    private static final String SEARCH = SELECT_CUSTOMER + """
        WHERE c.id IN (
            SELECT id FROM (
                SELECT id FROM customers WHERE lower(first_name || ' ' || last_name) LIKE ? AND erased_at IS NULL
                UNION SELECT id FROM customers WHERE lower(last_name) LIKE ? AND erased_at IS NULL
                UNION SELECT id FROM customers WHERE lower(email) = ? AND erased_at IS NULL
                UNION SELECT id FROM customers WHERE account_number = ? AND erased_at IS NULL
                UNION SELECT customer_id FROM customer_phones WHERE e164 = ?) hits
            ORDER BY id LIMIT ? OFFSET ?)
        ORDER BY c.id
        """;
    private static final String LOCK = "SELECT erased_at FROM customers WHERE id = ? FOR UPDATE";
    private static final String READ_LOCKED = SELECT_CUSTOMER + "WHERE c.id = ?";
    private static final String PHONE_OWNER =
        "SELECT customer_id FROM customer_phones WHERE e164 = ? AND customer_id <> ? ORDER BY customer_id LIMIT 1";
    private static final String EMAIL_OWNER =
        "SELECT id FROM customers WHERE lower(email) = lower(?) AND id <> ? ORDER BY id LIMIT 1";
    private static final String INSERT_NOTE = """
        INSERT INTO interactions (interaction_key, customer_id, channel, agent_id, started_at, ended_at, outcome, notes)
        VALUES (?, ?, 'note', ?, ?, ?, 'note', ?)
        """;
    private static final String INSERT_COMPLAINT = """
        INSERT INTO customer_cases (customer_id, kind, status, summary, opened_at) VALUES (?, 'complaint', 'open', ?, ?)
        RETURNING id
        """;
    private static final String SET_PIN = """
        UPDATE customers SET pin_hash = ?, pin_failures = 0, pin_locked_until = NULL WHERE account_number = ? RETURNING id
        """;
    private static final String SET_CONSENT = """
        INSERT INTO customer_consents (customer_id, channel, opted_in, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (customer_id, channel) DO UPDATE SET opted_in = EXCLUDED.opted_in, updated_at = EXCLUDED.updated_at
        """;
    private static final String[] ERASE = {
        // the numbers first, while customer_phones still holds them; an earlier entry for a number stands
        """
        INSERT INTO dnc_numbers (e164, source, added_at, added_by)
        SELECT e164, 'erasure', ?, ? FROM customer_phones WHERE customer_id = ? ON CONFLICT (e164) DO NOTHING
        """,
        // calls kept for statistics, with nothing left that points at the person: theirs, and any from their numbers
        """
        UPDATE interactions SET caller_number = NULL, notes = NULL, ivr_data = NULL
        WHERE customer_id = ? OR caller_number IN (SELECT e164 FROM customer_phones WHERE customer_id = ?)
        """,
        "DELETE FROM customer_phones WHERE customer_id = ?",
        "DELETE FROM customer_consents WHERE customer_id = ?",
        "UPDATE customer_cases SET summary = 'erased' WHERE customer_id = ?",
        """
        UPDATE customers SET salutation = NULL, first_name = 'erased', last_name = '', email = NULL,
            preferred_language = NULL, preferred_channel = NULL, preferred_contact_time = NULL, account_number = NULL,
            account_manager = NULL, pin_hash = NULL, pin_failures = 0, pin_locked_until = NULL, erased_at = ?
        WHERE id = ?
        """};

    private final DataSource dataSource;
    private final PostgresAuditTrail trail = new PostgresAuditTrail();

    PostgresCustomerChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Customer> search(CustomerSearch search, int limit, int offset) {
        Objects.requireNonNull(search, "search");
        CustomerSearch.checkPage(limit, offset);
        String prefix = search.folded().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SEARCH)) {
            statement.setString(1, prefix);
            statement.setString(2, prefix);
            statement.setString(3, search.folded());
            statement.setString(4, search.text());
            statement.setString(5, search.e164());
            statement.setInt(6, limit);
            statement.setInt(7, offset);
            List<Customer> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(PostgresCustomerDirectory.customer(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqlErrors.translate("searching customers", e);
        }
    }

    Optional<Instant> erasedAt(long customerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT erased_at FROM customers WHERE id = ?")) {
            statement.setLong(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(instant(rows.getObject(1, OffsetDateTime.class)))
                    : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("reading customer " + customerId, e);
        }
    }

    Customer create(Customer customer, Actor actor) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(actor, "actor");
        if (customer.id() != 0) {
            throw new IllegalArgumentException("id must be 0 for a new customer, not " + customer.id());
        }
        List<String> phones = PostgresCustomerDirectory.e164Only(customer.phoneNumbers());
        return inTransaction("creating a customer", connection -> {
            checkNoDuplicate(connection, 0, phones, customer.contact().email());
            long id = PostgresCustomerDirectory.insert(connection, customer);
            PostgresCustomerDirectory.writePhones(connection, id, phones);
            trail.record(connection, id, AuditEntry.Action.CREATED, List.of(), actor);
            return customer.stored(id, phones);
        });
    }

    Customer updateContact(long customerId, ContactChange change, Actor actor) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
        return inTransaction("updating customer " + customerId, connection -> {
            lockForDuplicateCheck(connection);
            lockLive(connection, customerId);
            Customer before;
            try (PreparedStatement statement = connection.prepareStatement(READ_LOCKED)) {
                statement.setLong(1, customerId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    before = PostgresCustomerDirectory.customer(rows);
                }
            }
            Customer after = change.applyTo(before);
            List<String> changed = ContactChange.changed(before, after);
            if (changed.isEmpty()) {
                return before;
            }
            checkNoDuplicate(connection, customerId, changed.contains("phoneNumbers") ? after.phoneNumbers() : List.of(),
                changed.contains("email") ? after.contact().email() : null);
            PostgresCustomerDirectory.update(connection, after);
            PostgresCustomerDirectory.writePhones(connection, customerId, after.phoneNumbers());
            trail.record(connection, customerId, AuditEntry.Action.CONTACT_UPDATED, changed, actor);
            return after;
        });
    }

    InteractionSummary addNote(long customerId, String text, Actor actor) {
        String note = FreeText.check("text", text, FreeText.MAX_NOTE);
        Objects.requireNonNull(actor, "actor");
        return inTransaction("adding a note to customer " + customerId, connection -> {
            lockLive(connection, customerId);
            try (PreparedStatement statement = connection.prepareStatement(INSERT_NOTE)) {
                statement.setString(1, "note-" + UUID.randomUUID());
                statement.setLong(2, customerId);
                statement.setString(3, actor.userId());
                statement.setObject(4, timestamp(actor.at()));
                statement.setObject(5, timestamp(actor.at()));
                statement.setString(6, note);
                statement.executeUpdate();
            }
            trail.record(connection, customerId, AuditEntry.Action.NOTE_ADDED, List.of("notes"), actor);
            return new InteractionSummary(actor.at(), "note", null, actor.userId(), "note", note);
        });
    }

    CustomerCase recordComplaint(long customerId, String summary, Actor actor) {
        CustomerCase complaint = CustomerCase.open(CustomerCase.Kind.COMPLAINT,
            FreeText.check("summary", summary, FreeText.MAX_SUMMARY), Objects.requireNonNull(actor, "actor").at());
        return inTransaction("recording a complaint for customer " + customerId, connection -> {
            lockLive(connection, customerId);
            long id;
            try (PreparedStatement statement = connection.prepareStatement(INSERT_COMPLAINT)) {
                statement.setLong(1, customerId);
                statement.setString(2, complaint.summary());
                statement.setObject(3, timestamp(complaint.openedAt()));
                try (ResultSet keys = statement.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            trail.record(connection, customerId, AuditEntry.Action.COMPLAINT_RECORDED, List.of("cases"), actor);
            return complaint.withId(id);
        });
    }

    void setPin(String accountNumber, String pin, Actor actor) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(actor, "actor");
        String hash = Pins.hash(pin); // slow on purpose: before the transaction, holding no lock
        inTransaction("setting the PIN of account " + accountNumber, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET_PIN)) {
                statement.setString(1, hash);
                statement.setString(2, accountNumber);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalArgumentException("no customer with account number " + accountNumber);
                    }
                    trail.record(connection, rows.getLong(1), AuditEntry.Action.PIN_SET, List.of("pin"), actor);
                }
            }
            return null;
        });
    }

    void setConsent(long customerId, Consent consent, Actor actor) {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(actor, "actor");
        inTransaction("recording a consent of customer " + customerId, connection -> {
            lockLive(connection, customerId);
            try (PreparedStatement statement = connection.prepareStatement(SET_CONSENT)) {
                statement.setLong(1, customerId);
                statement.setString(2, consent.channel().word());
                statement.setBoolean(3, consent.optedIn());
                statement.setObject(4, timestamp(consent.updatedAt()));
                statement.executeUpdate();
            }
            trail.record(connection, customerId, AuditEntry.Action.CONSENT_SET,
                List.of("consent." + consent.channel().word()), actor);
            return null;
        });
    }

    Erasure erase(long customerId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return inTransaction("erasing customer " + customerId, connection -> {
            Instant before = lock(connection, customerId);
            if (before != null) {
                return new Erasure(customerId, false, before, List.of()); // already erased: nothing to do, nothing audited
            }
            List<String> numbers;
            try (PreparedStatement statement = connection.prepareStatement(READ_LOCKED)) {
                statement.setLong(1, customerId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    numbers = PostgresCustomerDirectory.customer(rows).phoneNumbers();
                }
            }
            run(connection, ERASE[0], timestamp(actor.at()), actor.userId(), customerId);
            run(connection, ERASE[1], customerId, customerId);
            run(connection, ERASE[2], customerId);
            run(connection, ERASE[3], customerId);
            run(connection, ERASE[4], customerId);
            run(connection, ERASE[5], timestamp(actor.at()), customerId);
            trail.record(connection, customerId, AuditEntry.Action.ERASED, ERASED_FIELDS, actor);
            return new Erasure(customerId, true, actor.at(), numbers);
        });
    }

    List<AuditEntry> audit(long customerId, int limit, int offset) {
        CustomerSearch.checkPage(limit, offset);
        try (Connection connection = dataSource.getConnection()) {
            return trail.read(connection, customerId, limit, offset);
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the audit of customer " + customerId, e);
        }
    }

    Optional<DncEntry> doNotCall(String e164) {
        Objects.requireNonNull(e164, "e164");
        try (Connection connection = dataSource.getConnection()) {
            return trail.doNotCall(connection, e164);
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the do-not-call list", e);
        }
    }

    private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Locks the customer's row; refuses an unknown or erased customer. */
    private static void lockLive(Connection connection, long customerId) throws SQLException {
        Instant erasedAt = lock(connection, customerId);
        if (erasedAt != null) {
            throw new CustomerErasedException(customerId, erasedAt);
        }
    }

    /** Locks the customer's row and returns when they were erased (null: not erased); refuses an unknown id. */
    private static Instant lock(Connection connection, long customerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setLong(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchCustomerException(customerId);
                }
                return instant(rows.getObject(1, OffsetDateTime.class));
            }
        }
    }

    private static void lockForDuplicateCheck(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            statement.setLong(1, DUPLICATE_CHECK_LOCK);
            statement.execute();
        }
    }

    /** Refuses numbers or an e-mail that another customer (not {@code self}) has, naming the field and the owner. */
    private static void checkNoDuplicate(Connection connection, long self, List<String> phones, String email)
        throws SQLException {
        if (self == 0) {
            lockForDuplicateCheck(connection);
        }
        for (String number : phones) {
            Long owner = owner(connection, PHONE_OWNER, number, self);
            if (owner != null) {
                throw new DuplicateCustomerException("phoneNumbers", number, owner);
            }
        }
        Long owner = email == null ? null : owner(connection, EMAIL_OWNER, email, self);
        if (owner != null) {
            throw new DuplicateCustomerException("email", email, owner);
        }
    }

    private static Long owner(Connection connection, String sql, String value, long self) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.setLong(2, self);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (SqlErrors.UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage().contains("account_number")) {
                throw new IllegalArgumentException(doing + ": the account number already belongs to another customer", e);
            }
            throw SqlErrors.translate(doing, e);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

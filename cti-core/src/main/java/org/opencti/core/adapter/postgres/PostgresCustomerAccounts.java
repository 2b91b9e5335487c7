package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.customer.Pins;

/**
 * The parts of a customer's account beside the customer row: PIN checks, orders, cases and consents, for
 * {@link PostgresCustomerDirectory}. Only parameterised SQL. Blocks: call from a worker.
 */
final class PostgresCustomerAccounts {
    private static final String READ_PIN = "SELECT pin_hash, pin_locked_until FROM customers WHERE account_number = ?";
    // Both PIN updates re-check, in the same statement, what the read saw (same hash, not locked), so that two calls
    // checking one account at once cannot lose a failure or pass during a lockout that began after the read.
    private static final String PIN_RIGHT = """
        UPDATE customers SET pin_failures = 0, pin_locked_until = NULL
        WHERE account_number = ? AND pin_hash = ? AND (pin_locked_until IS NULL OR pin_locked_until <= ?)
        """;
    // An expired lockout starts the count again (the caller gets five fresh tries, not one).
    private static final String PIN_WRONG = """
        UPDATE customers SET
            pin_failures = CASE WHEN pin_locked_until IS NULL THEN pin_failures + 1 ELSE 1 END,
            pin_locked_until = CASE WHEN (CASE WHEN pin_locked_until IS NULL THEN pin_failures + 1 ELSE 1 END) >= ?
                                    THEN CAST(? AS TIMESTAMPTZ) ELSE NULL END
        WHERE account_number = ? AND pin_hash = ? AND (pin_locked_until IS NULL OR pin_locked_until <= ?)
        RETURNING pin_locked_until
        """;
    private static final String SET_PIN = """
        UPDATE customers SET pin_hash = ?, pin_failures = 0, pin_locked_until = NULL WHERE account_number = ?
        """;
    private static final String FIND_ORDER = """
        SELECT o.order_number, o.status, o.updated_at
        FROM customer_orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.order_number = ? AND c.account_number = ?
        """;
    // The WHERE keeps another customer's order untouched: no row comes back and the save is refused.
    private static final String SAVE_ORDER = """
        INSERT INTO customer_orders (order_number, customer_id, status, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (order_number) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
        WHERE customer_orders.customer_id = EXCLUDED.customer_id
        """;
    private static final String INSERT_CASE = """
        INSERT INTO customer_cases (customer_id, kind, status, summary, opened_at, closed_at)
        VALUES (?, ?, ?, ?, ?, ?) RETURNING id
        """;
    private static final String CASE_COLUMNS = "id, kind, status, summary, opened_at, closed_at";
    private static final String LOCK_CASE = "SELECT " + CASE_COLUMNS + " FROM customer_cases WHERE id = ? FOR UPDATE";
    private static final String UPDATE_CASE = "UPDATE customer_cases SET status = ?, closed_at = ? WHERE id = ?";
    private static final String OPEN_CASES = "SELECT " + CASE_COLUMNS
        + " FROM customer_cases WHERE customer_id = ? AND status IN ('open', 'pending') ORDER BY opened_at, id";
    private static final String CASE_OWNER = "SELECT customer_id FROM customer_cases WHERE id = ?";
    private static final String SET_CONSENT = """
        INSERT INTO customer_consents (customer_id, channel, opted_in, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (customer_id, channel) DO UPDATE SET opted_in = EXCLUDED.opted_in, updated_at = EXCLUDED.updated_at
        """;
    private static final String CONSENTS = "SELECT channel, opted_in, updated_at FROM customer_consents WHERE customer_id = ?";

    private final DataSource dataSource;

    PostgresCustomerAccounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    PinCheck verifyPin(String accountNumber, String pin, Instant now) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(now, "now");
        try (Connection connection = dataSource.getConnection()) {
            PinState state = readPin(connection, accountNumber);
            if (state == null) {
                return PinCheck.UNKNOWN_ACCOUNT;
            }
            if (state.hash() == null) {
                return PinCheck.NO_PIN;
            }
            if (Pins.isLocked(state.lockedUntil(), now)) {
                return PinCheck.LOCKED;
            }
            // bcrypt takes tens of milliseconds: done between the read and the update, holding no row lock
            if (Pins.matches(pin, state.hash())) {
                try (PreparedStatement statement = connection.prepareStatement(PIN_RIGHT)) {
                    statement.setString(1, accountNumber);
                    statement.setString(2, state.hash());
                    statement.setObject(3, timestamp(now));
                    if (statement.executeUpdate() == 1) {
                        return PinCheck.VERIFIED;
                    }
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(PIN_WRONG)) {
                    statement.setInt(1, Pins.MAX_FAILURES);
                    statement.setObject(2, timestamp(now.plus(Pins.LOCKOUT)));
                    statement.setString(3, accountNumber);
                    statement.setString(4, state.hash());
                    statement.setObject(5, timestamp(now));
                    try (ResultSet rows = statement.executeQuery()) {
                        if (rows.next()) {
                            return rows.getObject(1, OffsetDateTime.class) == null ? PinCheck.WRONG : PinCheck.LOCKED;
                        }
                    }
                }
            }
            // Nothing updated: since the read another call locked the account, or the PIN was changed. Refuse.
            PinState again = readPin(connection, accountNumber);
            return again != null && Pins.isLocked(again.lockedUntil(), now) ? PinCheck.LOCKED : PinCheck.WRONG;
        } catch (SQLException e) {
            throw SqlErrors.translate("checking the PIN of account " + accountNumber, e);
        }
    }

    private static PinState readPin(Connection connection, String accountNumber) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ_PIN)) {
            statement.setString(1, accountNumber);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new PinState(rows.getString(1), instant(rows.getObject(2, OffsetDateTime.class)));
            }
        }
    }

    private record PinState(String hash, Instant lockedUntil) {
    }

    void setPin(String accountNumber, String pin) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        String hash = Pins.hash(pin);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SET_PIN)) {
            statement.setString(1, hash);
            statement.setString(2, accountNumber);
            if (statement.executeUpdate() == 0) {
                throw new IllegalArgumentException("no customer with account number " + accountNumber);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("setting the PIN of account " + accountNumber, e);
        }
    }

    Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(orderNumber, "orderNumber");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_ORDER)) {
            statement.setString(1, orderNumber);
            statement.setString(2, accountNumber);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CustomerOrder(rows.getString(1), CustomerOrder.Status.of(rows.getString(2)),
                    instant(rows.getObject(3, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("looking up order " + orderNumber, e);
        }
    }

    CustomerOrder saveOrder(long customerId, CustomerOrder order) {
        Objects.requireNonNull(order, "order");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE_ORDER)) {
            statement.setString(1, order.orderNumber());
            statement.setLong(2, customerId);
            statement.setString(3, order.status().word());
            statement.setObject(4, timestamp(order.updatedAt()));
            if (statement.executeUpdate() == 0) {
                throw new IllegalArgumentException("order number " + order.orderNumber()
                    + " belongs to another customer");
            }
            return order;
        } catch (SQLException e) {
            throw refused("saving order " + order.orderNumber(), customerId, e);
        }
    }

    CustomerCase addCase(long customerId, CustomerCase newCase) {
        Objects.requireNonNull(newCase, "newCase");
        if (newCase.id() != 0) {
            throw new IllegalArgumentException("id must be 0 for a new case, not " + newCase.id());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_CASE)) {
            statement.setLong(1, customerId);
            statement.setString(2, newCase.kind().word());
            statement.setString(3, newCase.status().word());
            statement.setString(4, newCase.summary());
            statement.setObject(5, timestamp(newCase.openedAt()));
            statement.setObject(6, timestamp(newCase.closedAt()));
            try (ResultSet keys = statement.executeQuery()) {
                keys.next();
                return newCase.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw refused("adding a case", customerId, e);
        }
    }

    CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                CustomerCase current;
                try (PreparedStatement statement = connection.prepareStatement(LOCK_CASE)) {
                    statement.setLong(1, caseId);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalArgumentException("no case with id " + caseId);
                        }
                        current = customerCase(rows);
                    }
                }
                // built in Java first, so a refused change (closed before it was opened) says why, as in memory
                CustomerCase changed = new CustomerCase(caseId, current.kind(), status, current.summary(),
                    current.openedAt(), status.isOpen() ? null : at);
                try (PreparedStatement statement = connection.prepareStatement(UPDATE_CASE)) {
                    statement.setString(1, status.word());
                    statement.setObject(2, timestamp(changed.closedAt()));
                    statement.setLong(3, caseId);
                    statement.executeUpdate();
                }
                connection.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("changing case " + caseId, e);
        }
    }

    OptionalLong customerOfCase(long caseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CASE_OWNER)) {
            statement.setLong(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("looking up the customer of case " + caseId, e);
        }
    }

    void setConsent(long customerId, Consent consent) {
        Objects.requireNonNull(consent, "consent");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SET_CONSENT)) {
            statement.setLong(1, customerId);
            statement.setString(2, consent.channel().word());
            statement.setBoolean(3, consent.optedIn());
            statement.setObject(4, timestamp(consent.updatedAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw refused("recording a consent", customerId, e);
        }
    }

    /** The customer's open and pending cases, oldest first. */
    static List<CustomerCase> openCases(Connection connection, long customerId) throws SQLException {
        List<CustomerCase> cases = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OPEN_CASES)) {
            statement.setLong(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cases.add(customerCase(rows));
                }
            }
        }
        return cases;
    }

    /** The customer's consents in the order of {@link Consent.Channel} (voice, sms, email). */
    static List<Consent> consents(Connection connection, long customerId) throws SQLException {
        List<Consent> consents = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CONSENTS)) {
            statement.setLong(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consents.add(new Consent(Consent.Channel.of(rows.getString(1)), rows.getBoolean(2),
                        instant(rows.getObject(3, OffsetDateTime.class))));
                }
            }
        }
        consents.sort(Comparator.comparing(Consent::channel));
        return consents;
    }

    private static CustomerCase customerCase(ResultSet rows) throws SQLException {
        return new CustomerCase(rows.getLong("id"), CustomerCase.Kind.of(rows.getString("kind")),
            CustomerCase.Status.of(rows.getString("status")), rows.getString("summary"),
            instant(rows.getObject("opened_at", OffsetDateTime.class)),
            instant(rows.getObject("closed_at", OffsetDateTime.class)));
    }

    /** A foreign key failure means the customer id is unknown: said plainly, as the in-memory twin says it. */
    private static RuntimeException refused(String doing, long customerId, SQLException e) {
        if (SqlErrors.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
            return new IllegalArgumentException("no customer with id " + customerId, e);
        }
        return SqlErrors.translate(doing, e);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

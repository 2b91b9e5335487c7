package org.opencti.core.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.port.CustomerDirectory;

/**
 * Customers in PostgreSQL. A lookup is one statement (the owner of the number, their numbers and their latest
 * interactions); a save is one transaction. Only parameterised SQL. A number shared by several customers resolves
 * to the one with the lowest id. Blocks: call from a worker.
 */
public final class PostgresCustomerDirectory implements CustomerDirectory {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private static final String FIND_BY_PHONE = """
        WITH owner AS (
            SELECT c.id, c.salutation, c.first_name, c.last_name, c.tier, c.account_number
            FROM customer_phones p JOIN customers c ON c.id = p.customer_id
            WHERE p.e164 = ?
            ORDER BY c.id
            LIMIT 1)
        SELECT o.id, o.salutation, o.first_name, o.last_name, o.tier, o.account_number,
               ARRAY(SELECT ph.e164 FROM customer_phones ph WHERE ph.customer_id = o.id
                     ORDER BY ph.position, ph.e164) AS phones,
               r.started_at, r.channel, r.queue, r.agent_id, r.disposition, r.notes
        FROM owner o
        LEFT JOIN LATERAL (
            SELECT i.interaction_key, i.started_at, i.channel, i.queue, i.agent_id,
                   COALESCE(i.disposition, i.outcome) AS disposition, i.notes
            FROM interactions i
            WHERE i.customer_id = o.id
            ORDER BY i.started_at DESC, i.interaction_key COLLATE "C" DESC
            LIMIT ?) r ON TRUE
        ORDER BY r.started_at DESC NULLS LAST, r.interaction_key COLLATE "C" DESC
        """;
    private static final String INSERT_CUSTOMER = """
        INSERT INTO customers (salutation, first_name, last_name, tier, account_number)
        VALUES (?, ?, ?, ?, ?) RETURNING id
        """;
    private static final String UPDATE_CUSTOMER = """
        UPDATE customers SET salutation = ?, first_name = ?, last_name = ?, tier = ?, account_number = ?
        WHERE id = ?
        """;
    private static final String DELETE_PHONES = "DELETE FROM customer_phones WHERE customer_id = ?";
    private static final String INSERT_PHONE = "INSERT INTO customer_phones (customer_id, e164, position) VALUES (?, ?, ?)";

    private final DataSource dataSource;

    public PostgresCustomerDirectory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        Objects.requireNonNull(e164, "e164");
        if (recent < 0) {
            throw new IllegalArgumentException("recent must not be negative: " + recent);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_BY_PHONE)) {
            statement.setString(1, e164);
            statement.setInt(2, recent);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Customer customer = customer(rows);
                List<InteractionSummary> interactions = new ArrayList<>();
                do {
                    OffsetDateTime started = rows.getObject("started_at", OffsetDateTime.class);
                    if (started != null) {
                        interactions.add(new InteractionSummary(started.toInstant(), rows.getString("channel"),
                            rows.getString("queue"), rows.getString("agent_id"), rows.getString("disposition"),
                            rows.getString("notes")));
                    }
                } while (rows.next());
                return Optional.of(new CustomerProfile(customer, interactions));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("looking up a customer by phone", e);
        }
    }

    @Override
    public Customer save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        if (customer.id() < 0) {
            throw new IllegalArgumentException("customer id must not be negative: " + customer.id());
        }
        List<String> phones = e164Only(customer.phoneNumbers());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id = customer.id() == 0 ? insert(connection, customer) : update(connection, customer);
                writePhones(connection, id, phones);
                connection.commit();
                return new Customer(id, customer.salutation(), customer.firstName(), customer.lastName(),
                    customer.tier(), customer.accountNumber(), phones);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (SqlErrors.UNIQUE_VIOLATION.equals(e.getSQLState()) && customer.accountNumber() != null) {
                throw new IllegalArgumentException("account number " + customer.accountNumber()
                    + " already belongs to another customer", e);
            }
            throw SqlErrors.translate("saving customer " + customer.id(), e);
        }
    }

    private static long insert(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CUSTOMER)) {
            bindFields(statement, customer);
            try (ResultSet keys = statement.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long update(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_CUSTOMER)) {
            bindFields(statement, customer);
            statement.setLong(6, customer.id());
            if (statement.executeUpdate() == 0) {
                throw new IllegalArgumentException("no customer with id " + customer.id());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(DELETE_PHONES)) {
            statement.setLong(1, customer.id());
            statement.executeUpdate();
        }
        return customer.id();
    }

    private static void bindFields(PreparedStatement statement, Customer customer) throws SQLException {
        statement.setString(1, customer.salutation());
        statement.setString(2, customer.firstName());
        statement.setString(3, customer.lastName());
        statement.setString(4, customer.tier());
        statement.setString(5, customer.accountNumber());
    }

    private static void writePhones(Connection connection, long id, List<String> phones) throws SQLException {
        if (phones.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_PHONE)) {
            for (int i = 0; i < phones.size(); i++) {
                statement.setLong(1, id);
                statement.setString(2, phones.get(i));
                statement.setInt(3, i);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Customer customer(ResultSet rows) throws SQLException {
        Array array = rows.getArray("phones");
        List<String> phones = List.of((String[]) array.getArray());
        array.free();
        return new Customer(rows.getLong("id"), rows.getString("salutation"), rows.getString("first_name"),
            rows.getString("last_name"), rows.getString("tier"), rows.getString("account_number"), phones);
    }

    /** The numbers in their given order without repeats; throws naming the first one that is not E.164. */
    private static List<String> e164Only(List<String> numbers) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String number : numbers) {
            if (!E164.matcher(number).matches()) {
                throw new IllegalArgumentException("phone number is not E.164: \"" + number + "\"");
            }
            distinct.add(number);
        }
        return new ArrayList<>(distinct);
    }
}

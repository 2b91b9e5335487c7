package org.opencti.core.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DncEntry;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerRecords;

/**
 * Customers in PostgreSQL. A lookup is one statement for the customer, their numbers and their latest interactions,
 * then one each for open cases and consents on the same connection; a save is one transaction. Only parameterised
 * SQL. A number shared by several customers resolves to the one with the lowest id. PINs, orders, cases and consents
 * are {@link PostgresCustomerAccounts}' part. Blocks: call from a worker.
 */
public final class PostgresCustomerDirectory implements CustomerRecords {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    static final String FIELDS = "salutation, first_name, last_name, tier, account_number, email, "
        + "preferred_language, preferred_channel, preferred_contact_time, vip, churn_risk, lifetime_value, "
        + "acquisition_cost, balance, account_manager";
    private static final int FIELD_COUNT = 15;
    private static final String FIND_PROFILE = """
        WITH owner AS (
            SELECT c.id, %1$s
            FROM %2$s
            LIMIT 1)
        SELECT o.id, %1$s,
               ARRAY(SELECT ph.e164 FROM customer_phones ph WHERE ph.customer_id = o.id
                     ORDER BY ph.position, ph.e164) AS phones,
               r.started_at, r.channel, r.queue, r.agent_id, r.disposition, r.notes, r.ivr_path
        FROM owner o
        LEFT JOIN LATERAL (
            SELECT i.interaction_key, i.started_at, i.channel, i.queue, i.agent_id,
                   COALESCE(i.disposition, i.outcome) AS disposition, i.notes, i.ivr_path
            FROM interactions i
            WHERE i.customer_id = o.id
            ORDER BY i.started_at DESC, i.interaction_key COLLATE "C" DESC
            LIMIT ?) r ON TRUE
        ORDER BY r.started_at DESC NULLS LAST, r.interaction_key COLLATE "C" DESC
        """;
    private static final String FIND_BY_PHONE = FIND_PROFILE.formatted(FIELDS,
        "customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? ORDER BY c.id");
    private static final String FIND_BY_ACCOUNT = FIND_PROFILE.formatted(FIELDS,
        "customers c WHERE c.account_number = ?");
    // erased customers are not found by id either: nothing of theirs is left to show
    private static final String FIND_BY_ID = FIND_PROFILE.formatted(FIELDS,
        "customers c WHERE c.id = CAST(? AS BIGINT) AND c.erased_at IS NULL");
    private static final String INSERT_CUSTOMER = "INSERT INTO customers (" + FIELDS + ") VALUES ("
        + "?, ".repeat(FIELD_COUNT - 1) + "?) RETURNING id";
    private static final String UPDATE_CUSTOMER = "UPDATE customers SET (" + FIELDS + ") = ("
        + "?, ".repeat(FIELD_COUNT - 1) + "?) WHERE id = ? AND erased_at IS NULL";
    private static final String DELETE_PHONES = "DELETE FROM customer_phones WHERE customer_id = ?";
    private static final String INSERT_PHONE = "INSERT INTO customer_phones (customer_id, e164, position) VALUES (?, ?, ?)";

    private final DataSource dataSource;
    private final PostgresCustomerAccounts accounts;
    private final PostgresCustomerChanges changes;

    public PostgresCustomerDirectory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.accounts = new PostgresCustomerAccounts(dataSource);
        this.changes = new PostgresCustomerChanges(dataSource);
    }

    @Override
    public Optional<CustomerProfile> findById(long customerId, int recent) {
        return find(FIND_BY_ID, Long.toString(customerId), recent, "looking up customer " + customerId);
    }

    @Override
    public List<Customer> search(CustomerSearch search, int limit, int offset) {
        return changes.search(search, limit, offset);
    }

    @Override
    public Optional<Instant> erasedAt(long customerId) {
        return changes.erasedAt(customerId);
    }

    @Override
    public Customer create(Customer customer, Actor actor) {
        return changes.create(customer, actor);
    }

    @Override
    public Customer updateContact(long customerId, ContactChange change, Actor actor) {
        return changes.updateContact(customerId, change, actor);
    }

    @Override
    public InteractionSummary addNote(long customerId, String text, Actor actor) {
        return changes.addNote(customerId, text, actor);
    }

    @Override
    public CustomerCase recordComplaint(long customerId, String summary, Actor actor) {
        return changes.recordComplaint(customerId, summary, actor);
    }

    @Override
    public void setPin(String accountNumber, String pin, Actor actor) {
        changes.setPin(accountNumber, pin, actor);
    }

    @Override
    public void setConsent(long customerId, Consent consent, Actor actor) {
        changes.setConsent(customerId, consent, actor);
    }

    @Override
    public Erasure erase(long customerId, Actor actor) {
        return changes.erase(customerId, actor);
    }

    @Override
    public List<AuditEntry> audit(long customerId, int limit, int offset) {
        return changes.audit(customerId, limit, offset);
    }

    @Override
    public Optional<DncEntry> doNotCall(String e164) {
        return changes.doNotCall(e164);
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        Objects.requireNonNull(e164, "e164");
        return find(FIND_BY_PHONE, e164, recent, "looking up a customer by phone");
    }

    @Override
    public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        return find(FIND_BY_ACCOUNT, accountNumber, recent, "looking up a customer by account");
    }

    private Optional<CustomerProfile> find(String sql, String key, int recent, String doing) {
        if (recent < 0) {
            throw new IllegalArgumentException("recent must not be negative: " + recent);
        }
        try (Connection connection = dataSource.getConnection()) {
            Customer customer;
            List<InteractionSummary> interactions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                statement.setInt(2, recent);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    customer = customer(rows);
                    do {
                        OffsetDateTime started = rows.getObject("started_at", OffsetDateTime.class);
                        if (started != null) {
                            interactions.add(new InteractionSummary(started.toInstant(), rows.getString("channel"),
                                rows.getString("queue"), rows.getString("agent_id"), rows.getString("disposition"),
                                rows.getString("notes"), rows.getString("ivr_path")));
                        }
                    } while (rows.next());
                }
            }
            return Optional.of(new CustomerProfile(customer, interactions,
                PostgresCustomerAccounts.openCases(connection, customer.id()),
                PostgresCustomerAccounts.consents(connection, customer.id())));
        } catch (SQLException e) {
            throw SqlErrors.translate(doing, e);
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
                return customer.stored(id, phones);
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

    @Override
    public PinCheck verifyPin(String accountNumber, String pin, Instant now) {
        return accounts.verifyPin(accountNumber, pin, now);
    }

    @Override
    public void setPin(String accountNumber, String pin) {
        accounts.setPin(accountNumber, pin);
    }

    @Override
    public Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber) {
        return accounts.findOrder(accountNumber, orderNumber);
    }

    @Override
    public CustomerOrder saveOrder(long customerId, CustomerOrder order) {
        return accounts.saveOrder(customerId, order);
    }

    @Override
    public CustomerCase addCase(long customerId, CustomerCase newCase) {
        return accounts.addCase(customerId, newCase);
    }

    @Override
    public CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        return accounts.setCaseStatus(caseId, status, at);
    }

    @Override
    public OptionalLong customerOfCase(long caseId) {
        return accounts.customerOfCase(caseId);
    }

    @Override
    public void setConsent(long customerId, Consent consent) {
        accounts.setConsent(customerId, consent);
    }

    static long insert(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CUSTOMER)) {
            bindFields(statement, customer);
            try (ResultSet keys = statement.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static long update(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_CUSTOMER)) {
            bindFields(statement, customer);
            statement.setLong(FIELD_COUNT + 1, customer.id());
            if (statement.executeUpdate() == 0) {
                // erasure is irreversible: a save cannot bring an erased customer's data back
                throw new IllegalArgumentException("no customer with id " + customer.id() + " (unknown or erased)");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(DELETE_PHONES)) {
            statement.setLong(1, customer.id());
            statement.executeUpdate();
        }
        return customer.id();
    }

    /** Binds {@link #FIELDS}, in that order, to parameters 1..15. */
    private static void bindFields(PreparedStatement statement, Customer customer) throws SQLException {
        Customer.Contact contact = customer.contact();
        Customer.Value value = customer.value();
        Customer.Relationship relationship = customer.relationship();
        statement.setString(1, customer.salutation());
        statement.setString(2, customer.firstName());
        statement.setString(3, customer.lastName());
        statement.setString(4, customer.tier());
        statement.setString(5, customer.accountNumber());
        statement.setString(6, contact.email());
        statement.setString(7, contact.preferredLanguage());
        statement.setString(8, contact.preferredChannel());
        statement.setString(9, contact.preferredContactTime());
        statement.setBoolean(10, relationship.vip());
        statement.setBoolean(11, relationship.churnRisk());
        statement.setBigDecimal(12, value.lifetimeValue());
        statement.setBigDecimal(13, value.acquisitionCost());
        statement.setBigDecimal(14, value.balance());
        statement.setString(15, relationship.accountManager());
    }

    static void writePhones(Connection connection, long id, List<String> phones) throws SQLException {
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

    static Customer customer(ResultSet rows) throws SQLException {
        Array array = rows.getArray("phones");
        List<String> phones = List.of((String[]) array.getArray());
        array.free();
        Customer.Contact contact = new Customer.Contact(rows.getString("email"), rows.getString("preferred_language"),
            rows.getString("preferred_channel"), rows.getString("preferred_contact_time"));
        Customer.Value value = new Customer.Value(rows.getBigDecimal("lifetime_value"),
            rows.getBigDecimal("acquisition_cost"), rows.getBigDecimal("balance"));
        Customer.Relationship relationship = new Customer.Relationship(rows.getBoolean("vip"),
            rows.getBoolean("churn_risk"), rows.getString("account_manager"));
        return new Customer(rows.getLong("id"), rows.getString("salutation"), rows.getString("first_name"),
            rows.getString("last_name"), rows.getString("tier"), rows.getString("account_number"), phones, contact,
            value, relationship);
    }

    /** The numbers in their given order without repeats; throws naming the first one that is not E.164. */
    static List<String> e164Only(List<String> numbers) {
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

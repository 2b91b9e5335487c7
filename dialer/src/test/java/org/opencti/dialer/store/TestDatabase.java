package org.opencti.dialer.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.opencti.core.adapter.postgres.PostgresDatabase;

/**
 * A schema of its own on the local PostgreSQL (127.0.0.1:5432, database test, user postgres), migrated with every
 * migration (cti-core's customers and the dialer's V9), dropped on close. One per test class.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    public final String schema = "dialer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final PostgresDatabase database;

    public TestDatabase() {
        execute("CREATE SCHEMA " + schema);
        try {
            database = new PostgresDatabase(URL, USER, null, 8, schema, null);
        } catch (RuntimeException e) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Another pool on the same schema, as a second server would have (close it after use). */
    public PostgresDatabase anotherPool() {
        return new PostgresDatabase(URL, USER, null, 4, schema, null);
    }

    /** Empties the dialer's tables and the customers (between tests). */
    public void empty() {
        execute("TRUNCATE " + String.join(", ", java.util.Arrays.stream(new String[] {"campaign_callbacks", "dial_refusals",
            "dial_attempts", "leads", "lead_lists", "campaign_dnc", "campaign_dispositions", "campaign_contact_caps",
            "campaign_retry_rules", "campaigns", "national_dnc", "dnc_numbers", "dnc_audit", "customers"})
            .map(t -> schema + "." + t).toList()) + " RESTART IDENTITY CASCADE");
    }

    /** A connection outside the pool, search path on the test schema. */
    public Connection raw() throws SQLException {
        Connection c = DriverManager.getConnection(URL, USER, null);
        c.setSchema(schema);
        return c;
    }

    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

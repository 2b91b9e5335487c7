package org.opencti.core.adapter.postgres;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A schema of its own on the local PostgreSQL (127.0.0.1:5432, database test, user postgres, trust auth), migrated,
 * and dropped on close. One per test class; the queue_log tests use it too.
 */
public final class PostgresTestSchema implements AutoCloseable {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    public final String schema = "cti_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PostgresDatabase database;

    public PostgresTestSchema() {
        execute("CREATE SCHEMA " + schema);
        try {
            database = open();
        } catch (RuntimeException e) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    /** Another pool on the same schema (migrating it again). */
    PostgresDatabase open() {
        return new PostgresDatabase(URL, USER, null, 8, schema, registry);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public void empty() {
        truncate("interactions", "customer_consents", "customer_cases", "customer_orders", "customer_phones", "customers",
            "survey_answers");
    }

    /** Empties the tables, and with them the rows of later migrations' tables that refer to them (leads, dial attempts). */
    public void truncate(String... tables) {
        execute("TRUNCATE " + String.join(", ", Arrays.stream(tables).map(t -> schema + "." + t).toList())
            + " RESTART IDENTITY CASCADE");
    }

    public int count(String table) {
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection outside the pool, with the test schema as its search path. */
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

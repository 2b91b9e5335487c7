package org.opencti.core.queuelog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.opencti.core.adapter.postgres.PostgresDatabase;

/**
 * A schema of its own on the local PostgreSQL (127.0.0.1:5432, database test, user postgres, trust auth), migrated
 * by {@link PostgresDatabase}, dropped on close. The same recipe as the adapter tests' PostgresTestSchema, which is
 * package-private to org.opencti.core.adapter.postgres and so cannot be used from here.
 */
final class QueueLogTestDatabase implements AutoCloseable {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    final String schema = "cti_qlog_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final PostgresDatabase database;

    QueueLogTestDatabase() {
        execute("CREATE SCHEMA " + schema);
        try {
            database = new PostgresDatabase(URL, USER, null, 4, schema, null);
        } catch (RuntimeException e) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    void empty() {
        execute("TRUNCATE " + schema + ".queue_log RESTART IDENTITY");
    }

    int count() {
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM queue_log")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table read back as entries, in insertion order. */
    List<QueueLogEntry> entries() {
        String sql = "SELECT time, callid, queuename, agent, event, data1, data2, data3, data4, data5 FROM queue_log"
            + " ORDER BY id";
        try (Connection c = raw(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<QueueLogEntry> entries = new ArrayList<>();
            while (rows.next()) {
                List<String> data = new ArrayList<>();
                for (int i = 6; i <= 10; i++) {
                    data.add(rows.getString(i));
                }
                entries.add(new QueueLogEntry(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2),
                    rows.getString(3), rows.getString(4), QueueLogEvent.valueOf(rows.getString(5)), data));
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection outside the pool, with the test schema as its search path. */
    Connection raw() throws SQLException {
        Connection c = DriverManager.getConnection(URL, USER, null);
        c.setSchema(schema);
        return c;
    }

    void execute(String sql) {
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

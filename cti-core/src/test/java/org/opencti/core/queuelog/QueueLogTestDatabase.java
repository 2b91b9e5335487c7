package org.opencti.core.queuelog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.opencti.core.adapter.postgres.PostgresTestSchema;

/** The queue_log table of a {@link PostgresTestSchema}, read back for assertions. */
final class QueueLogTestDatabase implements AutoCloseable {
    private final PostgresTestSchema tables = new PostgresTestSchema();
    /** The schema's name, for statements that name the table with it. */
    final String schema = tables.schema;

    DataSource dataSource() {
        return tables.dataSource();
    }

    void empty() {
        tables.truncate("queue_log");
    }

    void execute(String sql) {
        tables.execute(sql);
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

    Connection raw() throws SQLException {
        return tables.raw();
    }

    @Override
    public void close() {
        tables.close();
    }
}

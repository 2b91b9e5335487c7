package org.opencti.core.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.DncEntry;

/** The customer audit trail and the do-not-call list, on a connection the caller holds (inside its transaction). */
final class PostgresAuditTrail {
    private static final String INSERT = """
        INSERT INTO customer_audit (customer_id, action, fields, done_by, done_at) VALUES (?, ?, ?, ?, ?)
        """;
    private static final String READ = """
        SELECT id, customer_id, action, fields, done_by, done_at FROM customer_audit WHERE customer_id = ?
        ORDER BY id LIMIT ? OFFSET ?
        """;
    private static final String DNC = "SELECT e164, source, added_at, added_by FROM dnc_numbers WHERE e164 = ?";

    void record(Connection connection, long customerId, AuditEntry.Action action, List<String> fields, Actor actor)
        throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            Array names = connection.createArrayOf("text", fields.toArray());
            statement.setLong(1, customerId);
            statement.setString(2, action.word());
            statement.setArray(3, names);
            statement.setString(4, actor.userId());
            statement.setObject(5, PostgresCustomerChanges.timestamp(actor.at()));
            statement.executeUpdate();
            names.free();
        }
    }

    List<AuditEntry> read(Connection connection, long customerId, int limit, int offset) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setLong(1, customerId);
            statement.setInt(2, limit);
            statement.setInt(3, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array fields = rows.getArray("fields");
                    List<String> names = List.of((String[]) fields.getArray());
                    fields.free();
                    entries.add(new AuditEntry(rows.getLong("id"), rows.getLong("customer_id"),
                        AuditEntry.Action.of(rows.getString("action")), names, rows.getString("done_by"),
                        rows.getObject("done_at", OffsetDateTime.class).toInstant()));
                }
            }
        }
        return entries;
    }

    Optional<DncEntry> doNotCall(Connection connection, String e164) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DNC)) {
            statement.setString(1, e164);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DncEntry(rows.getString(1), rows.getString(2),
                    rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getString(4)));
            }
        }
    }
}

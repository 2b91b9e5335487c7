package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.port.ScheduledCallbackStore;

/** Scheduled callbacks in PostgreSQL ({@code scheduled_callbacks}, V10); every change compares the version it was made from. */
public final class PostgresScheduledCallbackStore implements ScheduledCallbackStore {
    private static final String COLUMNS = "id, agent_id, assignee, queue, e164, customer_id, due_at, time_zone, note, status,"
        + " created_at, version";
    private static final String INSERT = "INSERT INTO scheduled_callbacks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE = "UPDATE scheduled_callbacks SET agent_id = ?, assignee = ?, queue = ?, e164 = ?,"
        + " customer_id = ?, due_at = ?, time_zone = ?, note = ?, status = ?, created_at = ?, version = ? WHERE id = ? AND version = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM scheduled_callbacks WHERE id = ?";
    private static final String OPEN = "SELECT " + COLUMNS + " FROM scheduled_callbacks WHERE status IN ('pending', 'active')"
        + " ORDER BY due_at, id";

    private final DataSource dataSource;

    public PostgresScheduledCallbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(ScheduledCallback c) {
        int inserted;
        try (Connection conn = dataSource.getConnection(); PreparedStatement s = conn.prepareStatement(INSERT)) {
            s.setString(1, c.id());
            int next = fill(s, 2, c);
            s.setLong(next, c.version());
            inserted = s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("could not store callback " + c.id(), e);
        }
        if (inserted == 0) {
            throw new IllegalStateException("callback " + c.id() + " exists already");
        }
    }

    @Override
    public boolean update(ScheduledCallback c) {
        try (Connection conn = dataSource.getConnection(); PreparedStatement s = conn.prepareStatement(UPDATE)) {
            int next = fill(s, 1, c);
            s.setLong(next, c.version());
            s.setString(next + 1, c.id());
            s.setLong(next + 2, c.version() - 1);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DatabaseException("could not change callback " + c.id(), e);
        }
    }

    /** agent_id .. created_at from {@code at}; returns the next parameter index. */
    private static int fill(PreparedStatement s, int at, ScheduledCallback c) throws SQLException {
        s.setString(at, c.agentId());
        s.setString(at + 1, c.assignee().name().toLowerCase(Locale.ROOT));
        s.setString(at + 2, c.queue());
        s.setString(at + 3, c.number());
        if (c.customerId() == null) {
            s.setNull(at + 4, Types.BIGINT);
        } else {
            s.setLong(at + 4, c.customerId());
        }
        s.setTimestamp(at + 5, Timestamp.from(c.dueAt()));
        s.setString(at + 6, c.timeZone());
        s.setString(at + 7, c.note());
        s.setString(at + 8, c.status().name().toLowerCase(Locale.ROOT));
        s.setTimestamp(at + 9, Timestamp.from(c.createdAt()));
        return at + 10;
    }

    @Override
    public Optional<ScheduledCallback> find(String id) {
        try (Connection conn = dataSource.getConnection(); PreparedStatement s = conn.prepareStatement(FIND)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not read callback " + id, e);
        }
    }

    @Override
    public List<ScheduledCallback> open() {
        try (Connection conn = dataSource.getConnection(); PreparedStatement s = conn.prepareStatement(OPEN);
             ResultSet r = s.executeQuery()) {
            List<ScheduledCallback> out = new ArrayList<>();
            while (r.next()) {
                out.add(row(r));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("could not read the open callbacks", e);
        }
    }

    private static ScheduledCallback row(ResultSet r) throws SQLException {
        long customer = r.getLong(6);
        Long customerId = r.wasNull() ? null : customer;
        return new ScheduledCallback(r.getString(1), r.getString(2),
            ScheduledCallback.Assignee.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4), r.getString(5), customerId,
            r.getTimestamp(7).toInstant(), r.getString(8), r.getString(9),
            ScheduledCallback.Status.valueOf(r.getString(10).toUpperCase(Locale.ROOT)), r.getTimestamp(11).toInstant(), r.getLong(12));
    }
}

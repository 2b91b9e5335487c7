package org.opencti.dialer.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/**
 * Callbacks in PostgreSQL ({@code campaign_callbacks}, V11). A claim is one conditional UPDATE: of two nodes claiming
 * the same callback, the second waits for the first's row lock, then finds it no longer claimable and gets false.
 */
public final class PostgresCallbackStore implements CallbackStore {
    private static final String COLUMNS = "id, campaign_id, lead_id, agent_id, due_at, status, attempts, attempt_id, created_by,"
        + " created_at, claimed_by, lease_until";
    private static final String CLAIMABLE = "due_at <= ? AND (status = 'pending' OR (status = 'in_progress' AND lease_until < ?))";
    private final DataSource dataSource;

    public PostgresCallbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long schedule(Callback c) {
        if (c.id() != 0 || c.status() != Callback.Status.PENDING) {
            throw new IllegalArgumentException("a new callback has id 0 and is pending, not " + c.id() + "/" + c.status().word());
        }
        return Sql.query(dataSource, "schedule callback for lead " + c.leadId(), conn -> {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO campaign_callbacks (campaign_id, lead_id, agent_id, due_at,"
                + " attempt_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, c.campaignId());
                s.setLong(2, c.leadId());
                s.setString(3, c.agentId());
                s.setTimestamp(4, Timestamp.from(c.dueAt()));
                s.setObject(5, c.attemptId(), Types.BIGINT);
                s.setString(6, c.createdBy());
                s.setTimestamp(7, Timestamp.from(c.createdAt()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Callback> due(long campaignId, Instant now, int limit) {
        return Sql.query(dataSource, "read due callbacks of campaign " + campaignId, c -> read(c, "SELECT " + COLUMNS
            + " FROM campaign_callbacks WHERE campaign_id = ? AND " + CLAIMABLE + " ORDER BY due_at, id LIMIT ?",
            campaignId, Timestamp.from(now), Timestamp.from(now), limit));
    }

    @Override
    public boolean claim(long callbackId, String nodeId, Instant now, Duration lease) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        return Sql.query(dataSource, "claim callback " + callbackId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE campaign_callbacks SET status = 'in_progress', claimed_by = ?,"
                + " lease_until = ? WHERE id = ? AND " + CLAIMABLE)) {
                s.setString(1, nodeId);
                s.setTimestamp(2, Timestamp.from(now.plus(lease)));
                s.setLong(3, callbackId);
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now));
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void finish(long callbackId, String nodeId, boolean attempted, Instant nextDueAt) {
        Sql.query(dataSource, "finish callback " + callbackId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE campaign_callbacks SET status = CASE WHEN ?::timestamptz IS NULL"
                + " THEN 'done' ELSE 'pending' END, due_at = COALESCE(?, due_at), attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END,"
                + " claimed_by = NULL, lease_until = NULL WHERE id = ? AND status = 'in_progress' AND claimed_by = ?")) {
                Timestamp next = nextDueAt == null ? null : Timestamp.from(nextDueAt);
                s.setTimestamp(1, next);
                s.setTimestamp(2, next);
                s.setBoolean(3, attempted);
                s.setLong(4, callbackId);
                s.setString(5, nodeId);
                if (s.executeUpdate() == 0) {
                    throw new IllegalStateException("callback " + callbackId + " is not claimed by " + nodeId + " (its lease ran out?)");
                }
            }
            return null;
        });
    }

    @Override
    public List<Callback> pending(long campaignId) {
        return Sql.query(dataSource, "read callbacks of campaign " + campaignId, c -> read(c, "SELECT " + COLUMNS
            + " FROM campaign_callbacks WHERE campaign_id = ? AND status <> 'done' ORDER BY due_at, id", campaignId));
    }

    @Override
    public Optional<Callback> find(long callbackId) {
        return Sql.query(dataSource, "find callback " + callbackId,
            c -> read(c, "SELECT " + COLUMNS + " FROM campaign_callbacks WHERE id = ?", callbackId).stream().findFirst());
    }

    private static List<Callback> read(Connection c, String sql, Object... params) throws SQLException {
        List<Callback> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Callback(r.getLong("id"), r.getLong("campaign_id"), r.getLong("lead_id"), r.getString("agent_id"),
                        r.getTimestamp("due_at").toInstant(), Callback.Status.of(r.getString("status")), r.getInt("attempts"),
                        r.getObject("attempt_id", Long.class), r.getString("created_by"), r.getTimestamp("created_at").toInstant(),
                        r.getString("claimed_by"), instant(r.getTimestamp("lease_until"))));
                }
            }
        }
        return found;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package org.opencti.dialer.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.store.Sql;

/**
 * Lead lists in PostgreSQL (V9). A number is unique per campaign (a constraint, so two imports racing still load it
 * once). Claims use {@code FOR UPDATE SKIP LOCKED}: each node takes rows no other transaction holds, without waiting,
 * and marks them in progress with its id and a lease.
 */
public final class PostgresLeadStore implements LeadStore {
    private static final String LEAD_COLUMNS = "id, list_id, campaign_id, e164, first_name, last_name, time_zone, priority,"
        + " preferred_time, external_id, customer_id, status, attempts, next_attempt_at, claimed_by, lease_until";
    private static final int BATCH = 1_000;
    private final DataSource dataSource;

    public PostgresLeadStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Loaded addList(long campaignId, String name, List<NewLead> leads, int rejectedRows, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("list name must not be blank");
        }
        return Sql.inTransaction(dataSource, "add lead list " + name + " to campaign " + campaignId, c -> {
            long listId;
            try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO lead_lists (campaign_id, name, created_at) VALUES (?, ?, ?) RETURNING id")) {
                s.setLong(1, campaignId);
                s.setString(2, name);
                s.setTimestamp(3, Timestamp.from(at));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    listId = r.getLong(1);
                }
            } catch (SQLException e) {
                if ("23503".equals(e.getSQLState())) {
                    throw new IllegalArgumentException("no campaign with id " + campaignId, e);
                }
                throw e;
            }
            Set<String> loaded = new HashSet<>();
            for (int from = 0; from < leads.size(); from += BATCH) {
                loaded.addAll(insert(c, listId, campaignId, leads.subList(from, Math.min(leads.size(), from + BATCH))));
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE lead_lists SET accepted = ?, rejected = ? WHERE id = ?")) {
                s.setInt(1, loaded.size());
                s.setInt(2, rejectedRows + leads.size() - loaded.size());
                s.setLong(3, listId);
                s.executeUpdate();
            }
            return new Loaded(listId, loaded);
        });
    }

    /** One multi-row insert per batch; ON CONFLICT leaves a number the campaign already has where it is. */
    private static Set<String> insert(Connection c, long listId, long campaignId, List<NewLead> batch) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO leads (list_id, campaign_id, e164, first_name, last_name, time_zone,"
            + " priority, preferred_time, external_id, customer_id) VALUES ");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (campaign_id, e164) DO NOTHING RETURNING e164");
        Set<String> loaded = new HashSet<>();
        if (batch.isEmpty()) {
            return loaded;
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (NewLead n : batch) {
                s.setLong(p++, listId);
                s.setLong(p++, campaignId);
                s.setString(p++, n.e164());
                s.setString(p++, n.firstName());
                s.setString(p++, n.lastName());
                s.setString(p++, n.timeZone() == null ? null : n.timeZone().getId());
                s.setInt(p++, n.priority());
                s.setString(p++, n.preferredTime() == null ? null : n.preferredTime().toString());
                s.setString(p++, n.externalId());
                if (n.customerId() == null) {
                    s.setNull(p++, Types.BIGINT);
                } else {
                    s.setLong(p++, n.customerId());
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    loaded.add(r.getString(1));
                }
            }
        }
        return loaded;
    }

    @Override
    public Set<String> existingNumbers(long campaignId, Set<String> e164s) {
        if (e164s.isEmpty()) {
            return Set.of();
        }
        return Sql.query(dataSource, "find numbers of campaign " + campaignId, c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT e164 FROM leads WHERE campaign_id = ? AND e164 = ANY (?)")) {
                s.setLong(1, campaignId);
                s.setArray(2, c.createArrayOf("text", e164s.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<Lead> claim(long campaignId, String nodeId, int max, Instant now, Duration lease) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        return Sql.inTransaction(dataSource, "claim leads of campaign " + campaignId, c -> {
            List<Lead> claimed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE leads SET status = 'in_progress', claimed_by = ?, lease_until = ?"
                + " WHERE id IN (SELECT id FROM leads WHERE campaign_id = ? AND ("
                + "   (status IN ('new', 'retry') AND (next_attempt_at IS NULL OR next_attempt_at <= ?))"
                + "   OR (status = 'in_progress' AND lease_until < ?))"
                + " ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + LEAD_COLUMNS)) {
                s.setString(1, nodeId);
                s.setTimestamp(2, Timestamp.from(now.plus(lease)));
                s.setLong(3, campaignId);
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now));
                s.setInt(6, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(lead(r));
                    }
                }
            }
            claimed.sort(java.util.Comparator.comparingInt(Lead::priority).reversed().thenComparingLong(Lead::id));
            return claimed;
        });
    }

    @Override
    public void finish(long leadId, String nodeId, boolean attempted, Instant nextAttemptAt) {
        Sql.query(dataSource, "finish lead " + leadId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE leads SET status = CASE WHEN ?::timestamptz IS NULL THEN 'done'"
                + " WHEN attempts = 0 AND NOT ? THEN 'new' ELSE 'retry' END, attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END,"
                + " next_attempt_at = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND status = 'in_progress' AND claimed_by = ?")) {
                Timestamp next = nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt);
                s.setTimestamp(1, next);
                s.setBoolean(2, attempted);
                s.setBoolean(3, attempted);
                s.setTimestamp(4, next);
                s.setLong(5, leadId);
                s.setString(6, nodeId);
                if (s.executeUpdate() == 0) {
                    throw new IllegalStateException("lead " + leadId + " is not claimed by " + nodeId + " (its lease ran out?)");
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Lead> find(long leadId) {
        return Sql.query(dataSource, "find lead " + leadId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + LEAD_COLUMNS + " FROM leads WHERE id = ?")) {
                s.setLong(1, leadId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(lead(r)) : Optional.<Lead>empty();
                }
            }
        });
    }

    private static final String LIST_STATUS = "SELECT l.id, l.campaign_id, l.name, l.low_since, count(d.id) AS total,"
        + " count(d.id) FILTER (WHERE d.status IN ('new', 'retry')) AS dialable,"
        + " count(d.id) FILTER (WHERE d.status = 'in_progress') AS in_progress,"
        + " count(d.id) FILTER (WHERE d.status = 'done') AS done"
        + " FROM lead_lists l LEFT JOIN leads d ON d.list_id = l.id WHERE ";

    @Override
    public Optional<ListStatus> listStatus(long listId) {
        return Sql.query(dataSource, "read lead list " + listId,
            c -> lists(c, LIST_STATUS + "l.id = ? GROUP BY l.id", listId).stream().findFirst());
    }

    @Override
    public List<ListStatus> listsOf(long campaignId) {
        return Sql.query(dataSource, "read lead lists of campaign " + campaignId,
            c -> lists(c, LIST_STATUS + "l.campaign_id = ? GROUP BY l.id ORDER BY l.id", campaignId));
    }

    private static List<ListStatus> lists(Connection c, String sql, long id) throws SQLException {
        List<ListStatus> lists = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp low = r.getTimestamp("low_since");
                    lists.add(new ListStatus(r.getLong("id"), r.getLong("campaign_id"), r.getString("name"), r.getInt("total"),
                        r.getInt("dialable"), r.getInt("in_progress"), r.getInt("done"), low == null ? null : low.toInstant()));
                }
            }
        }
        return lists;
    }

    @Override
    public int attemptedLeads(long campaignId) {
        return Sql.query(dataSource, "count attempted leads of campaign " + campaignId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM leads WHERE campaign_id = ? AND attempts > 0")) {
                s.setLong(1, campaignId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public boolean markLow(long listId, Instant at) {
        return Sql.query(dataSource, "flag lead list " + listId + " as low", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE lead_lists SET low_since = ? WHERE id = ? AND low_since IS NULL")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setLong(2, listId);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Lead lead(ResultSet r) throws SQLException {
        String zone = r.getString("time_zone");
        String preferred = r.getString("preferred_time");
        long customer = r.getLong("customer_id");
        Long customerId = r.wasNull() ? null : customer;
        return new Lead(r.getLong("id"), r.getLong("list_id"), r.getLong("campaign_id"), r.getString("e164"), r.getString("first_name"),
            r.getString("last_name"), zone == null ? null : ZoneId.of(zone), r.getInt("priority"),
            preferred == null ? null : TimeWindow.parse("preferred_time", preferred), r.getString("external_id"), customerId,
            LeadStatus.of(r.getString("status")), r.getInt("attempts"), instant(r, "next_attempt_at"), r.getString("claimed_by"),
            instant(r, "lease_until"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

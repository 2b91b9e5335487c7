package org.opencti.dialer.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/**
 * The do-not-call lists in PostgreSQL: {@code dnc_numbers} (internal), {@code campaign_dnc}, {@code national_dnc} (one
 * row per register and number, V12), and the administration trail {@code dnc_audit}, written in the change's transaction.
 */
public final class PostgresDncLists implements DncLists {
    private static final int BATCH = 5_000;
    private final DataSource dataSource;

    public PostgresDncLists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Hit> find(long campaignId, String e164) {
        return Sql.query(dataSource, "look up do-not-call lists", c -> {
            // one round trip; the first list in this order wins (registers by name)
            try (PreparedStatement s = c.prepareStatement(
                "SELECT 1, source FROM dnc_numbers WHERE e164 = ?"
                    + " UNION ALL SELECT 2, 'campaign ' || campaign_id FROM campaign_dnc WHERE campaign_id = ? AND e164 = ?"
                    + " UNION ALL SELECT 3, registry FROM national_dnc WHERE e164 = ? ORDER BY 1, 2 LIMIT 1")) {
                s.setString(1, e164);
                s.setLong(2, campaignId);
                s.setString(3, e164);
                s.setString(4, e164);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Hit>empty();
                    }
                    DncList list = DncList.values()[r.getInt(1) - 1];
                    return Optional.of(new Hit(list, r.getString(2)));
                }
            }
        });
    }

    @Override
    public DncStatus status(String e164) {
        E164s.check(e164);
        return Sql.query(dataSource, "read the do-not-call status of a number", c -> {
            DncStatus.Internal internal = null;
            try (PreparedStatement s = c.prepareStatement("SELECT source, reason, added_by, added_at FROM dnc_numbers WHERE e164 = ?")) {
                s.setString(1, e164);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        internal = new DncStatus.Internal(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant());
                    }
                }
            }
            List<DncStatus.National> national = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                "SELECT registry, imported_at FROM national_dnc WHERE e164 = ? ORDER BY registry")) {
                s.setString(1, e164);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        national.add(new DncStatus.National(r.getString(1), r.getTimestamp(2).toInstant()));
                    }
                }
            }
            List<Long> campaigns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT campaign_id FROM campaign_dnc WHERE e164 = ? ORDER BY campaign_id")) {
                s.setString(1, e164);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        campaigns.add(r.getLong(1));
                    }
                }
            }
            return new DncStatus(e164, internal, national, campaigns, trail(c, e164));
        });
    }

    private static List<DncChange> trail(Connection c, String e164) throws SQLException {
        List<DncChange> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, action, e164, campaign_id, source, reason, numbers, done_by, done_at"
            + " FROM dnc_audit WHERE e164 = ? ORDER BY id")) {
            s.setString(1, e164);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new DncChange(r.getLong(1), DncChange.Action.of(r.getString(2)), r.getString(3),
                        r.getObject(4, Long.class), r.getString(5), r.getString(6), r.getObject(7, Integer.class), r.getString(8),
                        r.getTimestamp(9).toInstant()));
                }
            }
        }
        return out;
    }

    @Override
    public boolean addInternal(String e164, String source, String addedBy, String reason, Instant at) {
        E164s.check(e164);
        DncLists.checkSource(source);
        DncLists.checkActor(addedBy);
        String why = DncLists.checkReason(reason);
        return Sql.inTransaction(dataSource, "add to the internal do-not-call list", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dnc_numbers (e164, source, added_at, added_by, reason)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (e164) DO NOTHING")) {
                s.setString(1, e164);
                s.setString(2, source);
                s.setTimestamp(3, Timestamp.from(at));
                s.setString(4, addedBy);
                s.setString(5, why);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(c, DncChange.Action.ADDED, e164, null, source, why, null, addedBy, at);
            return true;
        });
    }

    @Override
    public boolean removeInternal(String e164, String removedBy, String reason, Instant at) {
        E164s.check(e164);
        DncLists.checkActor(removedBy);
        String why = DncLists.checkReason(reason);
        return Sql.inTransaction(dataSource, "remove from the internal do-not-call list", c -> {
            String source;
            try (PreparedStatement s = c.prepareStatement("SELECT source FROM dnc_numbers WHERE e164 = ? FOR UPDATE")) {
                s.setString(1, e164);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                    source = r.getString(1);
                }
            }
            if (PROTECTED_SOURCES.contains(source)) {
                throw new ProtectedEntryException(e164, source);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM dnc_numbers WHERE e164 = ?")) {
                s.setString(1, e164);
                s.executeUpdate();
            }
            audit(c, DncChange.Action.REMOVED, e164, null, source, why, null, removedBy, at);
            return true;
        });
    }

    @Override
    public boolean addToCampaign(long campaignId, String e164, String addedBy, Instant at) {
        E164s.check(e164);
        DncLists.checkActor(addedBy);
        return Sql.inTransaction(dataSource, "add to campaign " + campaignId + "'s do-not-call list", c -> {
            try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO campaign_dnc (campaign_id, e164, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setLong(1, campaignId);
                s.setString(2, e164);
                s.setTimestamp(3, Timestamp.from(at));
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(c, DncChange.Action.CAMPAIGN_ADDED, e164, campaignId, null, null, null, addedBy, at);
            return true;
        });
    }

    @Override
    public int importNational(String registry, Collection<String> e164s, String importedBy, Instant at) {
        DncLists.checkRegistry(registry);
        DncLists.checkActor(importedBy);
        Set<String> unique = new LinkedHashSet<>(e164s);
        unique.forEach(E164s::check);
        return Sql.inTransaction(dataSource, "import national do-not-call register " + registry, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM national_dnc WHERE registry = ?")) {
                s.setString(1, registry);
                s.executeUpdate();
            }
            int loaded = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO national_dnc (e164, registry, imported_at) VALUES (?, ?, ?)")) {
                int batched = 0;
                for (String e164 : unique) {
                    s.setString(1, e164);
                    s.setString(2, registry);
                    s.setTimestamp(3, Timestamp.from(at));
                    s.addBatch();
                    if (++batched % BATCH == 0) {
                        loaded += s.executeBatch().length;
                    }
                }
                loaded += s.executeBatch().length;
            }
            audit(c, DncChange.Action.NATIONAL_IMPORTED, null, null, registry, null, loaded, importedBy, at);
            return loaded;
        });
    }

    private static void audit(Connection c, DncChange.Action action, String e164, Long campaignId, String source, String reason,
                              Integer numbers, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dnc_audit (action, e164, campaign_id, source, reason, numbers,"
            + " done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, action.word());
            s.setString(2, e164);
            s.setObject(3, campaignId, Types.BIGINT);
            s.setString(4, source);
            s.setString(5, reason);
            s.setObject(6, numbers, Types.INTEGER);
            s.setString(7, by);
            s.setTimestamp(8, Timestamp.from(at));
            s.executeUpdate();
        }
    }
}

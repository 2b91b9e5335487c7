package org.opencti.dialer.compliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/** The do-not-call lists in PostgreSQL: {@code dnc_numbers} (internal), {@code campaign_dnc}, {@code national_dnc}. */
public final class PostgresDncLists implements DncLists {
    private static final int BATCH = 5_000;
    private final DataSource dataSource;

    public PostgresDncLists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Hit> find(long campaignId, String e164) {
        return Sql.query(dataSource, "look up do-not-call lists", c -> {
            // one round trip; the first list in this order wins
            try (PreparedStatement s = c.prepareStatement(
                "SELECT 1, source FROM dnc_numbers WHERE e164 = ?"
                    + " UNION ALL SELECT 2, 'campaign ' || campaign_id FROM campaign_dnc WHERE campaign_id = ? AND e164 = ?"
                    + " UNION ALL SELECT 3, registry FROM national_dnc WHERE e164 = ? ORDER BY 1 LIMIT 1")) {
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
    public void addInternal(String e164, String source, String addedBy, Instant at) {
        E164s.check(e164);
        DncLists.checkSource(source);
        Sql.query(dataSource, "add to the internal do-not-call list", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dnc_numbers (e164, source, added_at, added_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (e164) DO NOTHING")) {
                s.setString(1, e164);
                s.setString(2, source);
                s.setTimestamp(3, Timestamp.from(at));
                s.setString(4, addedBy);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void addToCampaign(long campaignId, String e164, Instant at) {
        E164s.check(e164);
        Sql.query(dataSource, "add to campaign " + campaignId + "'s do-not-call list", c -> {
            try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO campaign_dnc (campaign_id, e164, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setLong(1, campaignId);
                s.setString(2, e164);
                s.setTimestamp(3, Timestamp.from(at));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int importNational(String registry, Collection<String> e164s, Instant at) {
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(e164s);
        unique.forEach(E164s::check);
        return Sql.inTransaction(dataSource, "import national do-not-call register " + registry, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM national_dnc WHERE registry = ?")) {
                s.setString(1, registry);
                s.executeUpdate();
            }
            int loaded = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO national_dnc (e164, registry, imported_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (e164) DO UPDATE SET registry = excluded.registry, imported_at = excluded.imported_at")) {
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
            return loaded;
        });
    }
}

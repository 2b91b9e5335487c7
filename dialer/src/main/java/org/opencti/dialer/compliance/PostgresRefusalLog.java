package org.opencti.dialer.compliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/** Refused dials in PostgreSQL ({@code dial_refusals}). */
public final class PostgresRefusalLog implements RefusalLog {
    private final DataSource dataSource;

    public PostgresRefusalLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(DialRefusal r) {
        Sql.query(dataSource, "record dial refusal", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dial_refusals (campaign_id, lead_id, e164, reason, detail,"
                + " refused_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, r.campaignId());
                s.setObject(2, r.leadId(), Types.BIGINT);
                s.setString(3, r.e164());
                s.setString(4, r.reason().word());
                s.setString(5, r.detail());
                s.setTimestamp(6, Timestamp.from(r.at()));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<DialRefusal> recent(long campaignId, int limit) {
        return Sql.query(dataSource, "read dial refusals of campaign " + campaignId, c -> {
            List<DialRefusal> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT lead_id, e164, reason, detail, refused_at FROM dial_refusals"
                + " WHERE campaign_id = ? ORDER BY refused_at DESC, id DESC LIMIT ?")) {
                s.setLong(1, campaignId);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new DialRefusal(campaignId, r.getObject(1, Long.class), r.getString(2),
                            RefusalReason.of(r.getString(3)), r.getString(4),
                            r.getTimestamp(5).toInstant()));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public LogPage<Recorded> refusals(long campaignId, Instant from, Instant to, RefusalReason reason, LogPage.Cursor after,
                                      int limit) {
        LogPage.checkRange(from, to);
        LogPage.checkLimit(limit);
        return Sql.query(dataSource, "read dial refusals of campaign " + campaignId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, lead_id, e164, reason, detail, refused_at FROM dial_refusals"
                + " WHERE campaign_id = ? AND refused_at >= ? AND refused_at < ? AND (refused_at, id) > (?, ?)"
                + " AND (?::text IS NULL OR reason = ?) ORDER BY refused_at, id LIMIT ?")) {
                s.setLong(1, campaignId);
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                s.setTimestamp(4, Timestamp.from(after == null ? from : after.at()));
                s.setLong(5, after == null ? 0 : after.id());
                s.setString(6, reason == null ? null : reason.word());
                s.setString(7, reason == null ? null : reason.word());
                s.setInt(8, limit + 1);
                List<Recorded> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Recorded(r.getLong(1), new DialRefusal(campaignId, r.getObject(2, Long.class), r.getString(3),
                            RefusalReason.of(r.getString(4)), r.getString(5), r.getTimestamp(6).toInstant())));
                    }
                }
                if (rows.size() <= limit) {
                    return new LogPage<>(rows, null);
                }
                Recorded last = rows.get(limit - 1);
                return new LogPage<>(rows.subList(0, limit), new LogPage.Cursor(last.refusal().at(), last.id()));
            }
        });
    }

    @Override
    public Map<RefusalReason, Long> countByReason(long campaignId, Instant from, Instant to) {
        LogPage.checkRange(from, to);
        return Sql.query(dataSource, "count dial refusals of campaign " + campaignId, c -> {
            Map<RefusalReason, Long> counts = new EnumMap<>(RefusalReason.class);
            try (PreparedStatement s = c.prepareStatement("SELECT reason, count(*) FROM dial_refusals WHERE campaign_id = ?"
                + " AND refused_at >= ? AND refused_at < ? GROUP BY reason")) {
                s.setLong(1, campaignId);
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.put(RefusalReason.of(r.getString(1)), r.getLong(2));
                    }
                }
            }
            return counts;
        });
    }
}

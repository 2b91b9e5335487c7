package org.opencti.dialer.compliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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
                            RefusalReason.valueOf(r.getString(3).toUpperCase(java.util.Locale.ROOT)), r.getString(4),
                            r.getTimestamp(5).toInstant()));
                    }
                }
            }
            return found;
        });
    }
}

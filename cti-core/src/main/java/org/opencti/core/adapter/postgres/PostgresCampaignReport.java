package org.opencti.core.adapter.postgres;

import static org.opencti.core.adapter.postgres.PostgresReports.binStarts;
import static org.opencti.core.adapter.postgres.PostgresReports.instant;
import static org.opencti.core.adapter.postgres.PostgresReports.percent;
import static org.opencti.core.adapter.postgres.PostgresReports.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.opencti.core.report.CampaignDispositionRow;
import org.opencti.core.report.CampaignIntervalRow;
import org.opencti.core.report.CampaignReport;
import org.opencti.core.report.ReportRange;

/**
 * Campaign results from the dialer's {@code dial_attempts} (V9), by the instant each attempt started: per campaign and
 * bin, and per disposition. The value is what the attempts' dispositions were worth when recorded
 * ({@code disposition_value}), so a later change of a campaign's disposition values does not rewrite history.
 */
final class PostgresCampaignReport {
    private static final String ATTEMPTS = """
        WITH b AS (SELECT ?::text[]::timestamptz[] AS starts),
        a AS (
            SELECT b.starts[width_bucket(d.started_at, b.starts)] AS bin, d.campaign_id, d.outcome, d.disposition,
                   d.disposition_value
              FROM b, dial_attempts d
             WHERE d.started_at >= ? AND d.started_at < ?)
        """;
    private static final String CAMPAIGNS = ATTEMPTS + """
        SELECT a.bin, a.campaign_id, c.name,
               count(*) AS attempts,
               count(*) FILTER (WHERE a.outcome = 'live_answer') AS connects,
               count(*) FILTER (WHERE a.outcome = 'abandoned') AS abandoned,
               count(*) FILTER (WHERE a.outcome = 'machine') AS machines,
               count(*) FILTER (WHERE a.outcome = 'no_answer') AS no_answer,
               count(*) FILTER (WHERE a.outcome = 'busy') AS busy,
               count(*) FILTER (WHERE a.outcome IN ('congestion', 'invalid_number')) AS failed,
               count(*) FILTER (WHERE a.outcome IS NULL) AS dialling,
               count(*) FILTER (WHERE a.disposition IS NOT NULL) AS dispositioned,
               COALESCE(sum(a.disposition_value), 0) AS value
          FROM a JOIN campaigns c ON c.id = a.campaign_id
         GROUP BY 1, 2, 3
         ORDER BY 1, 2
        """;
    private static final String DISPOSITIONS = ATTEMPTS + """
        SELECT a.bin, a.campaign_id, c.name, a.disposition, cd.label, count(*) AS count,
               COALESCE(sum(a.disposition_value), 0) AS value
          FROM a JOIN campaigns c ON c.id = a.campaign_id
          LEFT JOIN campaign_dispositions cd ON cd.campaign_id = a.campaign_id AND cd.code = a.disposition
         WHERE a.disposition IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 4
        """;

    private final DataSource dataSource;

    PostgresCampaignReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    CampaignReport report(ReportRange range) {
        List<CampaignIntervalRow> campaigns = new ArrayList<>();
        List<CampaignDispositionRow> dispositions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement s = prepare(connection, CAMPAIGNS, range); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long attempts = rows.getLong("attempts");
                    long connects = rows.getLong("connects");
                    long dialling = rows.getLong("dialling");
                    campaigns.add(new CampaignIntervalRow(instant(rows, "bin"), rows.getLong("campaign_id"), rows.getString("name"),
                        attempts, connects, rows.getLong("abandoned"), rows.getLong("machines"), rows.getLong("no_answer"),
                        rows.getLong("busy"), rows.getLong("failed"), dialling, percent(connects, attempts - dialling),
                        rows.getLong("dispositioned"), rows.getBigDecimal("value")));
                }
            }
            try (PreparedStatement s = prepare(connection, DISPOSITIONS, range); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    dispositions.add(new CampaignDispositionRow(instant(rows, "bin"), rows.getLong("campaign_id"),
                        rows.getString("name"), rows.getString("disposition"), rows.getString("label"), rows.getLong("count"),
                        rows.getBigDecimal("value")));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("campaign report " + range, e);
        }
        return new CampaignReport(campaigns, dispositions);
    }

    private static PreparedStatement prepare(Connection connection, String sql, ReportRange range) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            s.setArray(1, binStarts(connection, range));
            s.setObject(2, utc(range.from()));
            s.setObject(3, utc(range.to()));
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}

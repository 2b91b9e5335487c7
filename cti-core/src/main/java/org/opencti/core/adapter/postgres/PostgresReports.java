package org.opencti.core.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.core.report.AgentReport;
import org.opencti.core.report.AgentStateIntervalRow;
import org.opencti.core.report.CampaignReport;
import org.opencti.core.report.FcrRow;
import org.opencti.core.report.QueueIntervalRow;
import org.opencti.core.report.ReportRange;
import org.opencti.core.report.Reports;
import org.opencti.core.report.SatisfactionRow;

/**
 * The historical reports in PostgreSQL: one set-based statement per report, parameterised, grouped by time bin. The
 * bins' starts come from {@link ReportRange#binStarts} (the wall clock of the report's zone, so a day follows daylight
 * saving) as an array, and each row goes to the last start at or before its instant ({@code width_bucket}, a binary
 * search). Blocks: call from a worker.
 */
public final class PostgresReports implements Reports {
    /** The queue_log events that hand a call on (Asterisk's, before and after 12). */
    static final String TRANSFER_EVENTS = "('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER')";
    /** A whole number in a queue_log data field, else null (the fields are text; a bad one must not fail a report). */
    static final String WRAP_SECONDS = "CASE WHEN q.data2 ~ '^[0-9]{1,9}$' THEN q.data2::int END";

    private static final String QUEUES = """
        WITH b AS (SELECT ?::text[]::timestamptz[] AS starts),
        calls AS (
            SELECT i.queue, COALESCE(i.tier, c.tier, 'none') AS tier, i.outcome, i.started_at, i.answered_at,
                   i.ended_at, i.hold_seconds,
                   b.starts[width_bucket(i.started_at, b.starts)] AS bin,
                   (SELECT sum(%s) FROM queue_log q
                     WHERE q.callid = i.call_id AND q.agent = i.agent_id AND q.event = 'INFO' AND q.data1 = 'WRAPUP')
                       AS wrap_seconds,
                   EXISTS (SELECT 1 FROM queue_log q WHERE q.callid = i.call_id AND q.event IN %s) AS transferred
              FROM b, interactions i LEFT JOIN customers c ON c.id = i.customer_id
             WHERE i.started_at >= ? AND i.started_at < ? AND i.queue IS NOT NULL)
        SELECT bin, queue, tier,
               count(*) AS offered,
               count(*) FILTER (WHERE outcome = 'answered') AS answered,
               count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
               count(*) FILTER (WHERE outcome = 'answered' AND answered_at - started_at <= make_interval(secs => ?))
                   AS within,
               avg(extract(epoch FROM answered_at - started_at)) FILTER (WHERE outcome = 'answered') AS asa,
               avg(extract(epoch FROM ended_at - answered_at) + COALESCE(wrap_seconds, 0))
                   FILTER (WHERE outcome = 'answered') AS aht,
               avg(hold_seconds) FILTER (WHERE outcome = 'answered') AS hold,
               count(*) FILTER (WHERE transferred) AS transfers
          FROM calls
         GROUP BY bin, queue, tier
         ORDER BY bin, queue, tier
        """.formatted(WRAP_SECONDS, TRANSFER_EVENTS);

    /*
     * The same customer: the same customer id when both contacts know it, else the same caller number. A later
     * contact of any outcome (even abandoned) is a repeat: the customer had to try again.
     */
    private static final String FCR = """
        WITH judged AS (
            SELECT i.queue, i.agent_id,
                   (i.customer_id IS NOT NULL OR NULLIF(i.caller_number, '') IS NOT NULL) AS known,
                   EXISTS (SELECT 1 FROM interactions r
                            WHERE r.interaction_key <> i.interaction_key
                              AND r.started_at > i.started_at AND r.started_at <= i.started_at + make_interval(secs => ?)
                              AND (r.customer_id = i.customer_id
                                   OR ((r.customer_id IS NULL OR i.customer_id IS NULL)
                                       AND r.caller_number = NULLIF(i.caller_number, '')))) AS repeated,
                   EXISTS (SELECT 1 FROM queue_log q WHERE q.callid = i.call_id AND q.event IN %s) AS transferred
              FROM interactions i
             WHERE i.outcome = 'answered' AND i.started_at >= ? AND i.started_at < ?)
        SELECT CASE WHEN grouping(queue) = 0 THEN 'queue' WHEN grouping(agent_id) = 0 THEN 'agent' ELSE 'all' END
                   AS dimension,
               CASE WHEN grouping(queue) = 0 THEN COALESCE(queue, '')
                    WHEN grouping(agent_id) = 0 THEN COALESCE(agent_id, '') ELSE '*' END AS key,
               count(*) AS answered,
               count(*) FILTER (WHERE known) AS contacts,
               count(*) FILTER (WHERE known AND NOT repeated) AS resolved,
               count(*) FILTER (WHERE NOT known) AS unidentified,
               count(*) FILTER (WHERE transferred) AS transferred
          FROM judged
         GROUP BY GROUPING SETS ((queue), (agent_id), ())
         ORDER BY grouping(queue) + 2 * grouping(agent_id) DESC, 2
        """.formatted(TRANSFER_EVENTS);

    /* An answer is placed in its caller's tier through the interaction that carries the same call id. */
    private static final String SATISFACTION = """
        WITH b AS (SELECT ?::text[]::timestamptz[] AS starts),
        answers AS (
            SELECT b.starts[width_bucket(s.answered_at, b.starts)] AS bin, s.score,
                   COALESCE(s.agent_id, '') AS agent_id, COALESCE(s.queue, '') AS queue,
                   COALESCE((SELECT COALESCE(i.tier, c.tier) FROM interactions i LEFT JOIN customers c
                                 ON c.id = i.customer_id
                              WHERE i.call_id = s.call_id ORDER BY i.started_at DESC LIMIT 1), 'none') AS tier
              FROM b, survey_answers s
             WHERE s.answered_at >= ? AND s.answered_at < ?)
        SELECT bin,
               CASE WHEN grouping(agent_id) = 0 THEN 'agent' WHEN grouping(queue) = 0 THEN 'queue' ELSE 'tier' END
                   AS dimension,
               CASE WHEN grouping(agent_id) = 0 THEN agent_id WHEN grouping(queue) = 0 THEN queue ELSE tier END AS key,
               count(*) AS answers, avg(score) AS average
          FROM answers
         GROUP BY GROUPING SETS ((bin, agent_id), (bin, queue), (bin, tier))
         ORDER BY bin, 2, 3
        """;

    private final DataSource dataSource;
    private final PostgresAgentReport agentReport;
    private final PostgresAgentStateReport agentStateReport;
    private final PostgresCampaignReport campaignReport;

    public PostgresReports(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.agentReport = new PostgresAgentReport(dataSource);
        this.agentStateReport = new PostgresAgentStateReport(dataSource);
        this.campaignReport = new PostgresCampaignReport(dataSource);
    }

    @Override
    public List<QueueIntervalRow> queues(ReportRange range, Duration serviceLevelThreshold) {
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUEUES)) {
            statement.setArray(1, binStarts(connection, range));
            statement.setObject(2, utc(range.from()));
            statement.setObject(3, utc(range.to()));
            statement.setDouble(4, serviceLevelThreshold.toMillis() / 1000.0);
            List<QueueIntervalRow> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long offered = rows.getLong("offered");
                    long answered = rows.getLong("answered");
                    long abandoned = rows.getLong("abandoned");
                    long within = rows.getLong("within");
                    out.add(new QueueIntervalRow(instant(rows, "bin"), rows.getString("queue"), rows.getString("tier"),
                        offered, answered, abandoned, offered - answered - abandoned, within, percent(within, offered),
                        number(rows, "asa"), number(rows, "aht"), number(rows, "hold"), rows.getLong("transfers")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("queue report " + range, e);
        }
    }

    @Override
    public AgentReport agents(ReportRange range, Set<String> onlyAgents) {
        return agentReport.report(range, onlyAgents);
    }

    @Override
    public List<FcrRow> firstContactResolution(ReportRange range, Duration repeatWindow) {
        if (repeatWindow == null || repeatWindow.isNegative() || repeatWindow.isZero()) {
            throw new IllegalArgumentException("the repeat window must be positive, not " + repeatWindow);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FCR)) {
            statement.setDouble(1, repeatWindow.toSeconds());
            statement.setObject(2, utc(range.from()));
            statement.setObject(3, utc(range.to()));
            List<FcrRow> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long answered = rows.getLong("answered");
                    long contacts = rows.getLong("contacts");
                    long resolved = rows.getLong("resolved");
                    long transferred = rows.getLong("transferred");
                    out.add(new FcrRow(rows.getString("dimension"), rows.getString("key"), answered, contacts, resolved,
                        percent(resolved, contacts), rows.getLong("unidentified"), transferred,
                        percent(transferred, answered)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("first-contact resolution report " + range, e);
        }
    }

    @Override
    public List<SatisfactionRow> satisfaction(ReportRange range) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SATISFACTION)) {
            statement.setArray(1, binStarts(connection, range));
            statement.setObject(2, utc(range.from()));
            statement.setObject(3, utc(range.to()));
            List<SatisfactionRow> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(new SatisfactionRow(instant(rows, "bin"), rows.getString("dimension"), rows.getString("key"),
                        rows.getLong("answers"), rows.getDouble("average")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("satisfaction report " + range, e);
        }
    }

    @Override
    public List<AgentStateIntervalRow> agentStates(ReportRange range, Set<String> onlyAgents) {
        return agentStateReport.report(range, onlyAgents);
    }

    @Override
    public CampaignReport campaigns(ReportRange range) {
        return campaignReport.report(range);
    }

    /** The bins' starts as a text array of ISO instants (cast to timestamptz[] in the statement). */
    static Array binStarts(Connection connection, ReportRange range) throws SQLException {
        return connection.createArrayOf("text", range.binStarts().stream().map(Instant::toString).toArray(String[]::new));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Double number(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}

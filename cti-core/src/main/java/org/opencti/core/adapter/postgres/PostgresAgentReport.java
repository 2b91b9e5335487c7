package org.opencti.core.adapter.postgres;

import static org.opencti.core.adapter.postgres.PostgresReports.WRAP_SECONDS;
import static org.opencti.core.adapter.postgres.PostgresReports.number;
import static org.opencti.core.adapter.postgres.PostgresReports.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.opencti.core.report.AgentReport;
import org.opencti.core.report.AgentRow;
import org.opencti.core.report.AgentStateRow;
import org.opencti.core.report.ReportRange;
import org.opencti.core.survey.Satisfaction;

/**
 * The agent report: three set-based statements (time per state from the queue_log, handled calls from the
 * interactions with their wrap-up from the queue_log, survey answers), merged per agent.
 */
final class PostgresAgentReport {
    private static final String STATE_EVENTS = "('ADDMEMBER', 'REMOVEMEMBER', 'PAUSE', 'UNPAUSE')";
    private static final String ALL = "TRUE";
    private static final String ONLY = "%s = ANY (?)";

    /*
     * Asterisk writes an agent's ADDMEMBER, PAUSE, ... once per queue, at the same instant: one row per agent,
     * instant and event is kept. Each row starts a span that lasts until the agent's next row (the last one until
     * the end of the range, or now if sooner); the row before the range says what the agent was doing at its start.
     */
    private static final String STATES = """
        WITH ev AS (
            SELECT * FROM (SELECT DISTINCT ON (agent, time, event) id, agent, time, event, data1
                             FROM queue_log
                            WHERE event IN %1$s AND time >= ? AND time < ? AND %2$s
                            ORDER BY agent, time, event, id) inside
            UNION ALL
            SELECT * FROM (SELECT DISTINCT ON (agent) id, agent, time, event, data1
                             FROM queue_log
                            WHERE event IN %1$s AND time < ? AND %2$s
                            ORDER BY agent, time DESC, id DESC) before),
        spans AS (
            SELECT agent, event, data1, greatest(time, ?) AS s,
                   least(COALESCE(lead(time) OVER (PARTITION BY agent ORDER BY time, id), now()), ?) AS e
              FROM ev)
        SELECT agent, event, CASE WHEN event = 'PAUSE' THEN data1 ELSE '' END AS reason,
               sum(extract(epoch FROM e - s)) AS seconds
          FROM spans
         WHERE event <> 'REMOVEMEMBER' AND e > s
         GROUP BY 1, 2, 3
         ORDER BY 1, 2, 3
        """;

    private static final String HANDLED = """
        SELECT i.agent_id, count(*) AS handled,
               sum(extract(epoch FROM i.ended_at - i.answered_at)) AS call_seconds,
               sum(COALESCE(i.hold_seconds, 0)) AS hold_seconds,
               sum(COALESCE(w.seconds, 0)) AS wrap_seconds
          FROM interactions i
          LEFT JOIN LATERAL (SELECT sum(%s) AS seconds FROM queue_log q
                              WHERE q.callid = i.call_id AND q.agent = i.agent_id AND q.event = 'INFO'
                                AND q.data1 = 'WRAPUP') w ON TRUE
         WHERE i.outcome = 'answered' AND i.agent_id IS NOT NULL AND i.answered_at >= ? AND i.answered_at < ? AND %s
         GROUP BY i.agent_id
        """;

    private static final String SURVEYS = """
        SELECT agent_id, count(*) AS answers, avg(score) AS average
          FROM survey_answers
         WHERE agent_id IS NOT NULL AND answered_at >= ? AND answered_at < ? AND %s
         GROUP BY agent_id
        """;

    private final DataSource dataSource;

    PostgresAgentReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final class Tally {
        long handled;
        double callSeconds;
        long hold;
        long wrap;
        double loggedIn;
        double paused;
        long answers;
        Double average;
        final Map<String, Double> pausedBy = new TreeMap<>();
    }

    AgentReport report(ReportRange range, Set<String> onlyAgents) {
        Map<String, Tally> tallies = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            readStates(connection, range, onlyAgents, tallies);
            readHandled(connection, range, onlyAgents, tallies);
            readSurveys(connection, range, onlyAgents, tallies);
        } catch (SQLException e) {
            throw SqlErrors.translate("agent report " + range, e);
        }
        List<AgentRow> agents = new ArrayList<>();
        List<AgentStateRow> states = new ArrayList<>();
        tallies.forEach((agent, t) -> {
            long call = Math.round(t.callSeconds);
            long talk = Math.max(0, call - t.hold);
            long work = talk + t.hold + t.wrap;
            long loggedIn = Math.round(t.loggedIn);
            long paused = Math.round(t.paused);
            long available = loggedIn - paused;
            agents.add(new AgentRow(agent, t.handled, talk, t.hold, t.wrap, t.handled == 0 ? null : (double) work / t.handled,
                loggedIn, paused, available <= 0 ? null : 100.0 * work / available, t.answers, t.average,
                t.average == null ? null : new Satisfaction(agent, t.answers, t.average).index()));
            states.add(new AgentStateRow(agent, "talk", talk));
            states.add(new AgentStateRow(agent, "hold", t.hold));
            states.add(new AgentStateRow(agent, "wrap-up", t.wrap));
            states.add(new AgentStateRow(agent, "idle", Math.max(0, available - work)));
            t.pausedBy.forEach((reason, seconds) -> states.add(new AgentStateRow(agent,
                reason.isBlank() ? "paused" : "paused:" + reason, Math.round(seconds))));
        });
        return new AgentReport(agents, states);
    }

    private static void readStates(Connection connection, ReportRange range, Set<String> only, Map<String, Tally> tallies)
        throws SQLException {
        String filter = only == null ? ALL : ONLY.formatted("agent");
        try (PreparedStatement s = connection.prepareStatement(STATES.formatted(STATE_EVENTS, filter))) {
            int i = 1;
            s.setObject(i++, utc(range.from()));
            s.setObject(i++, utc(range.to()));
            i = agents(connection, s, i, only);
            s.setObject(i++, utc(range.from()));
            i = agents(connection, s, i, only);
            s.setObject(i++, utc(range.from()));
            s.setObject(i, utc(range.to()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Tally t = tallies.computeIfAbsent(rows.getString("agent"), a -> new Tally());
                    double seconds = rows.getDouble("seconds");
                    t.loggedIn += seconds;
                    if ("PAUSE".equals(rows.getString("event"))) {
                        t.paused += seconds;
                        t.pausedBy.merge(rows.getString("reason"), seconds, Double::sum);
                    }
                }
            }
        }
    }

    private static void readHandled(Connection connection, ReportRange range, Set<String> only, Map<String, Tally> tallies)
        throws SQLException {
        String filter = only == null ? ALL : ONLY.formatted("i.agent_id");
        try (PreparedStatement s = connection.prepareStatement(HANDLED.formatted(WRAP_SECONDS, filter))) {
            s.setObject(1, utc(range.from()));
            s.setObject(2, utc(range.to()));
            agents(connection, s, 3, only);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Tally t = tallies.computeIfAbsent(rows.getString("agent_id"), a -> new Tally());
                    t.handled = rows.getLong("handled");
                    t.callSeconds = rows.getDouble("call_seconds");
                    t.hold = rows.getLong("hold_seconds");
                    t.wrap = rows.getLong("wrap_seconds");
                }
            }
        }
    }

    private static void readSurveys(Connection connection, ReportRange range, Set<String> only, Map<String, Tally> tallies)
        throws SQLException {
        String filter = only == null ? ALL : ONLY.formatted("agent_id");
        try (PreparedStatement s = connection.prepareStatement(SURVEYS.formatted(filter))) {
            s.setObject(1, utc(range.from()));
            s.setObject(2, utc(range.to()));
            agents(connection, s, 3, only);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Tally t = tallies.computeIfAbsent(rows.getString("agent_id"), a -> new Tally());
                    t.answers = rows.getLong("answers");
                    t.average = number(rows, "average");
                }
            }
        }
    }

    /** Binds the agent list at {@code index} when there is one; returns the next free index. */
    private static int agents(Connection connection, PreparedStatement s, int index, Set<String> only) throws SQLException {
        if (only == null) {
            return index;
        }
        s.setArray(index, connection.createArrayOf("text", only.toArray(String[]::new)));
        return index + 1;
    }
}

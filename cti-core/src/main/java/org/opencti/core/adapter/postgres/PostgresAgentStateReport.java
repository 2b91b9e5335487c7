package org.opencti.core.adapter.postgres;

import static org.opencti.core.adapter.postgres.PostgresReports.instant;
import static org.opencti.core.adapter.postgres.PostgresReports.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.core.report.AgentStateIntervalRow;
import org.opencti.core.report.ReportRange;

/**
 * Agent states over time: each row of {@code agent_state_history} lasts until the agent's next one (the last until the
 * end of the range, or now if sooner), the row before the range says what the agent was doing at its start; the spans
 * are clipped to the range and cut at the bins' edges, one set-based statement.
 */
final class PostgresAgentStateReport {
    private static final String STATES = """
        WITH b AS (SELECT s, e FROM unnest(?::text[]::timestamptz[], ?::text[]::timestamptz[]) AS t(s, e)),
        ev AS (
            SELECT agent_id, state, reason, changed_at, seq FROM agent_state_history
             WHERE changed_at >= ? AND changed_at < ? AND %1$s
            UNION ALL
            SELECT * FROM (SELECT DISTINCT ON (agent_id) agent_id, state, reason, changed_at, seq
                             FROM agent_state_history
                            WHERE changed_at < ? AND %1$s
                            ORDER BY agent_id, changed_at DESC, seq DESC) before),
        spans AS (
            SELECT agent_id, state, reason, greatest(changed_at, ?) AS s,
                   least(COALESCE(lead(changed_at) OVER (PARTITION BY agent_id ORDER BY changed_at, seq), now()), ?) AS e
              FROM ev)
        SELECT b.s AS bin, sp.agent_id, sp.state, sp.reason,
               sum(extract(epoch FROM least(sp.e, b.e) - greatest(sp.s, b.s))) AS seconds
          FROM spans sp JOIN b ON b.s < sp.e AND b.e > sp.s
         WHERE sp.state <> 'LOGGED_OUT' AND sp.e > sp.s
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4 NULLS FIRST
        """;

    private final DataSource dataSource;

    PostgresAgentStateReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<AgentStateIntervalRow> report(ReportRange range, Set<String> onlyAgents) {
        String filter = onlyAgents == null ? "TRUE" : "agent_id = ANY (?)";
        List<Instant> starts = range.binStarts();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement s = connection.prepareStatement(STATES.formatted(filter))) {
            int i = 1;
            s.setArray(i++, connection.createArrayOf("text", starts.stream().map(Instant::toString).toArray(String[]::new)));
            s.setArray(i++, connection.createArrayOf("text", starts.stream().map(range::binEnd).map(Instant::toString)
                .toArray(String[]::new)));
            s.setObject(i++, utc(range.from()));
            s.setObject(i++, utc(range.to()));
            i = agents(connection, s, i, onlyAgents);
            s.setObject(i++, utc(range.from()));
            i = agents(connection, s, i, onlyAgents);
            s.setObject(i++, utc(range.from()));
            s.setObject(i, utc(range.to()));
            List<AgentStateIntervalRow> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(new AgentStateIntervalRow(instant(rows, "bin"), rows.getString("agent_id"), rows.getString("state"),
                        rows.getString("reason"), Math.round(rows.getDouble("seconds"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("agent state report " + range, e);
        }
    }

    private static int agents(Connection connection, PreparedStatement s, int index, Set<String> only) throws SQLException {
        if (only == null) {
            return index;
        }
        s.setArray(index, connection.createArrayOf("text", only.toArray(String[]::new)));
        return index + 1;
    }
}

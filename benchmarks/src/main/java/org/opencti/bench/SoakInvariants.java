package org.opencti.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a soak run must leave behind, read from the history both nodes wrote into one PostgreSQL schema: every call placed
 * ended in exactly one interaction (no call lost, none written twice), and no agent was on two calls at once (their
 * answered-to-ended spans never overlap). Each caller has a number of their own ({@code 20255nnnnn}, one per call placed).
 */
record SoakInvariants(long callsWithARow, long callsWrittenTwice, long rows, long answered, long abandoned, long agentOverlaps,
                      long agentsWhoTookCalls) {

    static SoakInvariants read(String jdbcUrl, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            long withRow = count(s, "SELECT count(DISTINCT caller_number) FROM interactions WHERE caller_number LIKE '%20255%'");
            long twice = count(s, "SELECT count(*) FROM (SELECT caller_number FROM interactions WHERE caller_number LIKE '%20255%'"
                + " GROUP BY caller_number HAVING count(*) > 1) d");
            long rows = count(s, "SELECT count(*) FROM interactions WHERE caller_number LIKE '%20255%'");
            long answered = count(s, "SELECT count(*) FROM interactions WHERE caller_number LIKE '%20255%' AND outcome = 'answered'");
            long abandoned = count(s, "SELECT count(*) FROM interactions WHERE caller_number LIKE '%20255%' AND outcome = 'abandoned'");
            long overlaps = count(s, "SELECT count(*) FROM (SELECT agent_id, answered_at, ended_at, lag(ended_at) OVER"
                + " (PARTITION BY agent_id ORDER BY answered_at) AS previous_end FROM interactions WHERE agent_id IS NOT NULL"
                + " AND answered_at IS NOT NULL) t WHERE previous_end > answered_at");
            long agents = count(s, "SELECT count(DISTINCT agent_id) FROM interactions WHERE agent_id IS NOT NULL");
            return new SoakInvariants(withRow, twice, rows, answered, abandoned, overlaps, agents);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Up to ten callers (their call's number in the run, from 0) of the first {@code placed} calls with no row. */
    static List<Integer> callsWithoutARow(String jdbcUrl, String schema, long placed) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT g FROM generate_series(0, ? - 1) g WHERE NOT EXISTS (SELECT 1 FROM "
                 + schema + ".interactions i WHERE i.caller_number LIKE '%' || lpad(g::text, 5, '0') AND i.caller_number LIKE"
                 + " '%20255%') ORDER BY g LIMIT 10")) {
            s.setLong(1, placed);
            List<Integer> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getInt(1));
                }
            }
            return out;
        }
    }

    /** Whether the run kept every invariant, given how many calls were placed. */
    boolean holds(long placed) {
        return callsWithARow == placed && callsWrittenTwice == 0 && agentOverlaps == 0;
    }
}

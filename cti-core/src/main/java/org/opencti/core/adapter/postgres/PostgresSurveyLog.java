package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.survey.Satisfaction;
import org.opencti.core.survey.SurveyAnswer;

/** Survey answers in PostgreSQL, keyed by call and question so a replay writes nothing twice. */
public final class PostgresSurveyLog implements SurveyLog {
    private static final String INSERT = "INSERT INTO survey_answers (call_id, question, agent_id, queue, score, answered_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id, question) DO NOTHING";
    private static final String BY_AGENT = "SELECT agent_id, count(*), avg(score) FROM survey_answers WHERE agent_id IS NOT NULL"
        + " GROUP BY agent_id ORDER BY agent_id";
    private static final String BY_QUEUE = "SELECT queue, count(*), avg(score) FROM survey_answers WHERE queue IS NOT NULL"
        + " GROUP BY queue ORDER BY queue";

    private final DataSource dataSource;

    public PostgresSurveyLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean record(SurveyAnswer a) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, a.callId());
            s.setString(2, a.question());
            s.setString(3, a.agentId());
            s.setString(4, a.queue());
            s.setInt(5, a.score());
            s.setTimestamp(6, Timestamp.from(a.answeredAt()));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DatabaseException("could not store the survey answer for " + a.callId(), e);
        }
    }

    @Override
    public List<Satisfaction> byAgent() {
        return query(BY_AGENT);
    }

    @Override
    public List<Satisfaction> byQueue() {
        return query(BY_QUEUE);
    }

    private List<Satisfaction> query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<Satisfaction> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Satisfaction(r.getString(1), r.getLong(2), r.getDouble(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("could not read the satisfaction figures", e);
        }
    }
}

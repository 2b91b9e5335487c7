package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.port.AgentStateLog;

/**
 * The agents' state history in PostgreSQL ({@code agent_state_history}, V7), idempotent on the change id. The
 * sequence column keeps the order of changes made at the same instant, as they are inserted by one writer in the order
 * made. Blocks: call from a worker (the server writes it through the interaction history's background writer).
 */
public final class PostgresAgentStateLog implements AgentStateLog {
    private static final String INSERT = """
        INSERT INTO agent_state_history (change_id, agent_id, state, reason, changed_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (change_id) DO NOTHING
        """;

    private final DataSource dataSource;

    public PostgresAgentStateLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean record(AgentStateChange change) {
        Objects.requireNonNull(change, "change");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, change.changeId());
            statement.setString(2, change.agentId());
            statement.setString(3, change.state().name());
            statement.setString(4, change.reason());
            statement.setObject(5, change.at().atOffset(ZoneOffset.UTC));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.CHECK_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("state change " + change.changeId() + " of agent " + change.agentId()
                    + " refused by the database", e);
            }
            throw SqlErrors.translate("recording state change " + change.changeId(), e);
        }
    }
}

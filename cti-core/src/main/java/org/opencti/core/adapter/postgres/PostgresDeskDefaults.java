package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencti.core.port.DeskDefaults;

/** Agents' desk defaults in PostgreSQL ({@code agent_desk_defaults}, V10). */
public final class PostgresDeskDefaults implements DeskDefaults {
    private static final String FIND = "SELECT extension FROM agent_desk_defaults WHERE agent_id = ?";
    private static final String UPSERT = "INSERT INTO agent_desk_defaults (agent_id, extension, updated_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (agent_id) DO UPDATE SET extension = excluded.extension, updated_at = excluded.updated_at";

    private final DataSource dataSource;

    public PostgresDeskDefaults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> extension(String agentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, agentId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not read the desk defaults of agent " + agentId, e);
        }
    }

    @Override
    public void rememberExtension(String agentId, String extension, Instant at) {
        DeskDefaults.checkExtension(extension);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, agentId);
            s.setString(2, extension);
            s.setTimestamp(3, Timestamp.from(at));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("could not remember the extension of agent " + agentId, e);
        }
    }
}

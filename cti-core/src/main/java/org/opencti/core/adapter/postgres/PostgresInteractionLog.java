package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.InteractionLog;

/**
 * The interaction history in PostgreSQL. Idempotent on the key through {@code ON CONFLICT DO NOTHING}, so a
 * replay (or the same record from several threads at once) writes exactly one row. Blocks: call from a worker.
 */
public final class PostgresInteractionLog implements InteractionLog {
    private static final String INSERT = """
        INSERT INTO interactions (interaction_key, customer_id, caller_number, channel, queue, agent_id,
                                  started_at, answered_at, ended_at, outcome, notes, call_id, tier, hold_seconds,
                                  transfer_kind, transferred_by, transfer_target)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (interaction_key) DO NOTHING
        """;

    private final DataSource dataSource;

    public PostgresInteractionLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean record(InteractionRecord interaction) {
        Objects.requireNonNull(interaction, "interaction");
        if (interaction.key().isBlank()) {
            throw new IllegalArgumentException("interaction key must not be blank");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, interaction.key());
            if (interaction.customerId() == null) {
                statement.setNull(2, Types.BIGINT);
            } else {
                statement.setLong(2, interaction.customerId());
            }
            statement.setString(3, interaction.callerNumber());
            statement.setString(4, interaction.channel());
            statement.setString(5, interaction.queue());
            statement.setString(6, interaction.agentId());
            statement.setObject(7, utc(interaction.startedAt()));
            statement.setObject(8, utc(interaction.answeredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(9, utc(interaction.endedAt()));
            statement.setString(10, interaction.outcome());
            statement.setString(11, interaction.notes());
            statement.setString(12, interaction.callId());
            statement.setString(13, interaction.tier());
            if (interaction.holdSeconds() == null) {
                statement.setNull(14, Types.INTEGER);
            } else {
                statement.setInt(14, Math.toIntExact(interaction.holdSeconds()));
            }
            InteractionRecord.Transfer transfer = interaction.transfer();
            statement.setString(15, transfer == null ? null : transfer.kind());
            statement.setString(16, transfer == null ? null : transfer.transferredBy());
            statement.setString(17, transfer == null ? null : transfer.target());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("interaction " + interaction.key() + " names customer "
                    + interaction.customerId() + ", who does not exist", e);
            }
            throw SqlErrors.translate("recording interaction " + interaction.key(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

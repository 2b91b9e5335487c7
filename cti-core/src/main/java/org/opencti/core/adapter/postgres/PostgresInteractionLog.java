package org.opencti.core.adapter.postgres;

import java.sql.Array;
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
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.InteractionLog;

/**
 * The interaction history in PostgreSQL. Idempotent on the key through {@code ON CONFLICT DO NOTHING}, so a
 * replay (or the same record from several threads at once) writes exactly one row. Blocks: call from a worker.
 */
public final class PostgresInteractionLog implements InteractionLog {
    private static final String INSERT = """
        INSERT INTO interactions (interaction_key, customer_id, caller_number, channel, queue, agent_id,
                                  started_at, answered_at, ended_at, outcome, notes, call_id, tier, hold_seconds,
                                  transfer_kind, transferred_by, transfer_target, ivr_path, ivr_data, recording,
                                  wrap_up_seconds, disposition)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                CASE WHEN cardinality(?::text[]) = 0 THEN NULL ELSE jsonb_object(?::text[], ?::text[]) END, ?, ?, ?)
        ON CONFLICT (interaction_key) DO NOTHING
        """;
    /*
     * A field given replaces the stored one, a null leaves it. Notes are not written to an interaction whose customer
     * was erased: the erasure blanked them, and new ones would point at the person again.
     */
    private static final String WRAP_UP = """
        UPDATE interactions i
           SET wrap_up_seconds = COALESCE(?, i.wrap_up_seconds),
               disposition = COALESCE(?, i.disposition),
               notes = CASE WHEN EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id AND c.erased_at IS NOT NULL)
                            THEN i.notes ELSE COALESCE(?, i.notes) END
         WHERE i.interaction_key = ?
        """;

    /** Said instead of the database's message, which quotes the row (personal data) in its detail. */
    private static final String REFUSED = "a value is out of range or too long";

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
            setLong(statement, 14, interaction.holdSeconds());
            InteractionRecord.Transfer transfer = interaction.transfer();
            statement.setString(15, transfer == null ? null : transfer.kind());
            statement.setString(16, transfer == null ? null : transfer.transferredBy());
            statement.setString(17, transfer == null ? null : transfer.target());
            statement.setString(18, interaction.ivrPath());
            Array names = connection.createArrayOf("text", interaction.ivrData().keySet().toArray(String[]::new));
            statement.setArray(19, names);
            statement.setArray(20, names);
            statement.setArray(21, connection.createArrayOf("text", interaction.ivrData().values().toArray(String[]::new)));
            statement.setString(22, interaction.recording());
            setLong(statement, 23, interaction.wrapUpSeconds());
            statement.setString(24, interaction.disposition());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("interaction " + interaction.key() + " names customer "
                    + interaction.customerId() + ", who does not exist", e);
            }
            if (SqlErrors.CHECK_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("interaction " + interaction.key() + " refused by the database: " + REFUSED, e);
            }
            throw SqlErrors.translate("recording interaction " + interaction.key(), e);
        }
    }

    @Override
    public boolean wrapUp(WrapUpRecord wrapUp) {
        Objects.requireNonNull(wrapUp, "wrapUp");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(WRAP_UP)) {
            setLong(statement, 1, wrapUp.wrapUpSeconds());
            statement.setString(2, wrapUp.disposition());
            statement.setString(3, wrapUp.notes());
            statement.setString(4, wrapUp.key());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.CHECK_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("wrap-up of interaction " + wrapUp.key() + " refused by the database: "
                    + REFUSED, e);
            }
            throw SqlErrors.translate("writing the wrap-up of interaction " + wrapUp.key(), e);
        }
    }

    /** A whole number of seconds into an INT column, or NULL. */
    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, Math.toIntExact(value));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

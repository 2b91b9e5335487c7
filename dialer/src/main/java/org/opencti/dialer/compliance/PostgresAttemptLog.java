package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.store.Sql;

/** Dial attempts in PostgreSQL ({@code dial_attempts}); the caps and the 72-hour rule read them through the indexes. */
public final class PostgresAttemptLog implements AttemptLog {
    private final DataSource dataSource;

    public PostgresAttemptLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long started(DialAttempt a) {
        E164s.check(a.e164());
        return Sql.query(dataSource, "record dial attempt", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dial_attempts (campaign_id, lead_id, e164, customer_id,"
                + " agent_id, started_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, a.campaignId());
                s.setObject(2, a.leadId(), Types.BIGINT);
                s.setString(3, a.e164());
                s.setObject(4, a.customerId(), Types.BIGINT);
                s.setString(5, a.agentId());
                s.setTimestamp(6, Timestamp.from(a.startedAt()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public void ended(long attemptId, CallOutcome outcome) {
        update(attemptId, "UPDATE dial_attempts SET outcome = ? WHERE id = ?", outcome.word());
    }

    @Override
    public void disposed(long attemptId, String code, BigDecimal value, String agentId) {
        update(attemptId, "UPDATE dial_attempts SET disposition = ?, disposition_value = ?, agent_id = coalesce(?, agent_id)"
            + " WHERE id = ?", code, value, agentId);
    }

    private void update(long attemptId, String sql, Object... values) {
        Sql.query(dataSource, "update dial attempt " + attemptId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                s.setLong(values.length + 1, attemptId);
                if (s.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no dial attempt " + attemptId);
                }
                return null;
            }
        });
    }

    private static final String ATTEMPT_COLUMNS = "id, campaign_id, lead_id, e164, customer_id, agent_id, started_at, outcome,"
        + " disposition, disposition_value";

    @Override
    public Optional<DialAttempt> find(long attemptId) {
        return Sql.query(dataSource, "read dial attempt " + attemptId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS + " FROM dial_attempts WHERE id = ?")) {
                s.setLong(1, attemptId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(attempt(r)) : Optional.<DialAttempt>empty();
                }
            }
        });
    }

    @Override
    public LogPage<DialAttempt> attempts(long campaignId, Instant from, Instant to, LogPage.Cursor after, int limit) {
        LogPage.checkRange(from, to);
        LogPage.checkLimit(limit);
        return Sql.query(dataSource, "read dial attempts of campaign " + campaignId, c -> {
            // the row comparison walks the (campaign_id, started_at, id) index from the cursor on
            try (PreparedStatement s = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS + " FROM dial_attempts WHERE campaign_id = ?"
                + " AND started_at >= ? AND started_at < ? AND (started_at, id) > (?, ?) ORDER BY started_at, id LIMIT ?")) {
                s.setLong(1, campaignId);
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                s.setTimestamp(4, Timestamp.from(after == null ? from : after.at()));
                s.setLong(5, after == null ? 0 : after.id());
                s.setInt(6, limit + 1);
                List<DialAttempt> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(attempt(r));
                    }
                }
                if (rows.size() <= limit) {
                    return new LogPage<>(rows, null);
                }
                DialAttempt last = rows.get(limit - 1);
                return new LogPage<>(rows.subList(0, limit), new LogPage.Cursor(last.startedAt(), last.id()));
            }
        });
    }

    private static DialAttempt attempt(ResultSet r) throws SQLException {
        String outcome = r.getString("outcome");
        return new DialAttempt(r.getLong("id"), r.getLong("campaign_id"), r.getObject("lead_id", Long.class), r.getString("e164"),
            r.getObject("customer_id", Long.class), r.getString("agent_id"), r.getTimestamp("started_at").toInstant(),
            outcome == null ? null : CallOutcome.of(outcome), r.getString("disposition"), r.getBigDecimal("disposition_value"));
    }

    @Override
    public int attemptsToNumber(String e164, Instant since) {
        return count("SELECT count(*) FROM dial_attempts WHERE e164 = ? AND started_at > ?", e164, since);
    }

    @Override
    public int attemptsToCustomer(long customerId, Instant since) {
        return count("SELECT count(*) FROM dial_attempts WHERE customer_id = ? AND started_at > ?", customerId, since);
    }

    private int count(String sql, Object key, Instant since) {
        return Sql.query(dataSource, "count dial attempts", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, key);
                s.setTimestamp(2, Timestamp.from(since));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public Optional<Instant> lastAbandoned(String e164, Instant since) {
        return Sql.query(dataSource, "find dropped calls", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT max(started_at) FROM dial_attempts WHERE e164 = ? AND started_at > ?"
                + " AND outcome = 'abandoned'")) {
                s.setString(1, e164);
                s.setTimestamp(2, Timestamp.from(since));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    Timestamp last = r.getTimestamp(1);
                    return Optional.ofNullable(last).map(Timestamp::toInstant);
                }
            }
        });
    }
}

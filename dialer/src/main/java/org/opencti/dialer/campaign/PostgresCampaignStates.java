package org.opencti.dialer.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/**
 * Campaign states in PostgreSQL ({@code campaigns.state}, V12). A change locks the campaign's row, checks the state it
 * is in and writes the new one in one transaction, so of two changes at once the second sees the first's result.
 */
public final class PostgresCampaignStates implements CampaignStates {
    private static final String COLUMNS = "id, state, state_changed_at, state_changed_by";
    private final DataSource dataSource;

    public PostgresCampaignStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Status> status(long campaignId) {
        return Sql.query(dataSource, "read campaign " + campaignId + "'s state", c -> read(c, campaignId, false));
    }

    @Override
    public Map<Long, Status> all() {
        return Sql.query(dataSource, "read campaign states", c -> {
            Map<Long, Status> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM campaigns"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Status status = status(r);
                    out.put(status.campaignId(), status);
                }
            }
            return out;
        });
    }

    @Override
    public Status move(long campaignId, Set<CampaignState> from, CampaignState to, String by, Instant at) {
        return Sql.inTransaction(dataSource, "change campaign " + campaignId + "'s state", c -> {
            Status now = read(c, campaignId, true).orElseThrow(() -> new NoSuchElementException("no campaign " + campaignId));
            if (!from.contains(now.state())) {
                throw new IllegalStateException("campaign " + campaignId + " is " + now.state().word() + ", so it cannot become "
                    + to.word());
            }
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE campaigns SET state = ?, state_changed_at = ?, state_changed_by = ? WHERE id = ?")) {
                s.setString(1, to.word());
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, by);
                s.setLong(4, campaignId);
                s.executeUpdate();
            }
            return now;
        });
    }

    private static Optional<Status> read(Connection c, long campaignId, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?"
            + (lock ? " FOR UPDATE" : ""))) {
            s.setLong(1, campaignId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(status(r)) : Optional.empty();
            }
        }
    }

    private static Status status(ResultSet r) throws SQLException {
        Timestamp at = r.getTimestamp("state_changed_at");
        return new Status(r.getLong("id"), CampaignState.of(r.getString("state")), at == null ? null : at.toInstant(),
            r.getString("state_changed_by"));
    }
}

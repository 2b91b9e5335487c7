package org.opencti.dialer.compliance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/**
 * A customer's standing from cti-core's tables (V4): the voice row of {@code customer_consents}, an open or pending
 * complaint in {@code customer_cases}, the latest {@code updated_at} of {@code customer_orders} (orders carry no
 * creation time, so "recently ordered" means recent order activity).
 */
public final class PostgresCustomerStandings implements CustomerStandings {
    private final DataSource dataSource;

    public PostgresCustomerStandings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public CustomerStanding of(long customerId) {
        return Sql.query(dataSource, "read customer " + customerId + "'s standing", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT"
                + " (SELECT opted_in FROM customer_consents WHERE customer_id = ? AND channel = 'voice'),"
                + " EXISTS (SELECT 1 FROM customer_cases WHERE customer_id = ? AND kind = 'complaint' AND status IN ('open', 'pending')),"
                + " (SELECT max(updated_at) FROM customer_orders WHERE customer_id = ?)")) {
                s.setLong(1, customerId);
                s.setLong(2, customerId);
                s.setLong(3, customerId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    Boolean optIn = r.getObject(1, Boolean.class);
                    Timestamp ordered = r.getTimestamp(3);
                    return new CustomerStanding(optIn, r.getBoolean(2), ordered == null ? null : ordered.toInstant());
                }
            }
        });
    }
}

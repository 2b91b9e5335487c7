package org.opencti.dialer.compliance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Standings set by hand (the demo, unit tests); anyone not set is {@link CustomerStanding#UNKNOWN}. */
public final class InMemoryCustomerStandings implements CustomerStandings {
    private final Map<Long, CustomerStanding> standings = new ConcurrentHashMap<>();

    public InMemoryCustomerStandings put(long customerId, CustomerStanding standing) {
        standings.put(customerId, standing);
        return this;
    }

    @Override
    public CustomerStanding of(long customerId) {
        return standings.getOrDefault(customerId, CustomerStanding.UNKNOWN);
    }
}

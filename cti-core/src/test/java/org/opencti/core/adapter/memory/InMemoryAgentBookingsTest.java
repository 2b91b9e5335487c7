package org.opencti.core.adapter.memory;

import java.time.Instant;
import org.opencti.core.adapter.contract.AgentBookingsContract;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;

class InMemoryAgentBookingsTest extends AgentBookingsContract {
    private final InMemoryFloor floor = new InMemoryFloor(new MutableClock(Instant.parse("2026-11-26T09:00:00Z")));

    @Override
    protected FloorLease lease() {
        return floor;
    }

    @Override
    protected AgentBookings bookings() {
        return floor;
    }
}

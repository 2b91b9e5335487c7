package org.opencti.acd;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.opencti.core.adapter.memory.InMemoryFloor;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCallStore;

/**
 * What the ACD shares with the other CTI nodes (see "Several CTI nodes" in ARCHITECTURE.md): the floor lease (read to tell a
 * stale epoch from a taken agent), the agent bookings, the live calls the next holder adopts. Bookings and live-call writes
 * are handed to the stores without waiting from the ACD's own thread (their async calls), so they land in the order made;
 * the blocking rest (the takeover's clean-up, the lease read after a refusal) runs on the ACD's worker.
 *
 * @param shared false for a node on its own: bookings are kept in memory and answered at once, no live call is written
 */
public record ClusterPorts(FloorLease lease, AgentBookings bookings, LiveCallStore liveCalls, boolean shared) {
    public ClusterPorts {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(liveCalls, "liveCalls");
    }

    /** Shared with other nodes. */
    public static ClusterPorts shared(FloorLease lease, AgentBookings bookings, LiveCallStore liveCalls) {
        return new ClusterPorts(lease, bookings, liveCalls, true);
    }

    /** One node on its own, today's behaviour: it holds the floor from the start, bookings in memory, nothing mirrored. */
    public static ClusterPorts single() {
        InMemoryFloor floor = new InMemoryFloor(Clock.systemUTC());
        return new ClusterPorts(floor, floor, NO_LIVE_CALLS, false);
    }

    private static final LiveCallStore NO_LIVE_CALLS = new LiveCallStore() {
        @Override
        public void put(LiveCall call) {
            // a node on its own has nobody to hand its calls to
        }

        @Override
        public void remove(String callId) {
            // nothing stored
        }

        @Override
        public List<LiveCall> all() {
            return List.of();
        }
    };
}

package org.opencti.acd;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.opencti.core.adapter.memory.InMemoryFloor;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCallStore;

/**
 * What the ACD shares with the other CTI nodes (see "Several CTI nodes" in ARCHITECTURE.md): the floor lease (read to tell a
 * stale epoch from a taken agent), the agent bookings, the live calls the next holder adopts. {@code bookingLine} and
 * {@code mirrorLine} must each run their tasks one at a time in order ({@link SerialExecutor}): an agent's booking is
 * never overtaken by its freeing, a call's later write never by an earlier one. Their work may block; the ACD never waits.
 *
 * @param shared false for a node on its own: bookings are kept in memory and answered at once, no live call is written
 */
public record ClusterPorts(FloorLease lease, AgentBookings bookings, LiveCallStore liveCalls, Executor bookingLine,
                           Executor mirrorLine, boolean shared) {
    public ClusterPorts {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(liveCalls, "liveCalls");
        Objects.requireNonNull(bookingLine, "bookingLine");
        Objects.requireNonNull(mirrorLine, "mirrorLine");
    }

    /** Shared with other nodes; the two lines run one task at a time each over {@code pool}. */
    public static ClusterPorts shared(FloorLease lease, AgentBookings bookings, LiveCallStore liveCalls, Executor pool) {
        return new ClusterPorts(lease, bookings, liveCalls, new SerialExecutor(pool), new SerialExecutor(pool), true);
    }

    /** One node on its own, today's behaviour: it holds the floor from the start, bookings in memory, nothing mirrored. */
    public static ClusterPorts single() {
        InMemoryFloor floor = new InMemoryFloor(Clock.systemUTC());
        return new ClusterPorts(floor, floor, NO_LIVE_CALLS, Runnable::run, Runnable::run, false);
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

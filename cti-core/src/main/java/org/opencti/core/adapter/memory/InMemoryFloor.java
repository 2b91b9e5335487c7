package org.opencti.core.adapter.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;

/**
 * The floor lease and the agent bookings in memory, sharing one epoch as the Redis twin does: for one node, and for
 * tests that run several nodes in one process (give them the same instance). Time comes from the clock, so a test
 * lets a lease run out by moving it. Thread-safe (one lock: every operation is a few map accesses).
 */
public final class InMemoryFloor implements FloorLease, AgentBookings {
    private final Clock clock;
    private Tenure holder;
    private Instant expiresAt = Instant.MIN;
    private long epoch;
    private final Map<String, String> bookings = new HashMap<>();
    private final Map<String, Long> bookedUnder = new HashMap<>();

    public InMemoryFloor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Tenure> claim(String nodeId, String address, Duration ttl) {
        requireId(nodeId);
        Objects.requireNonNull(address, "address");
        requireTtl(ttl);
        Instant now = clock.instant();
        if (holder != null && now.isBefore(expiresAt) && !holder.nodeId().equals(nodeId)) {
            return Optional.empty();
        }
        if (holder == null || !holder.nodeId().equals(nodeId) || !now.isBefore(expiresAt)) {
            // a new tenure (also the same node coming back after its lease ran out: someone may have held it between)
            epoch++;
            holder = new Tenure(nodeId, address, epoch);
        }
        expiresAt = now.plus(ttl);
        return Optional.of(holder);
    }

    @Override
    public synchronized void release(String nodeId) {
        if (holder != null && holder.nodeId().equals(nodeId)) {
            holder = null;
            expiresAt = Instant.MIN;
        }
    }

    @Override
    public synchronized Optional<Tenure> holder() {
        return holder != null && clock.instant().isBefore(expiresAt) ? Optional.of(holder) : Optional.empty();
    }

    @Override
    public synchronized boolean book(String agentId, String work, long epoch) {
        requireId(agentId);
        requireId(work);
        if (epoch < this.epoch) {
            return false;
        }
        String booked = bookings.get(agentId);
        if (booked != null && !booked.equals(work)) {
            return false;
        }
        bookings.put(agentId, work);
        bookedUnder.put(agentId, epoch);
        return true;
    }

    @Override
    public synchronized void free(String agentId, String work) {
        if (work != null && work.equals(bookings.get(agentId))) {
            bookings.remove(agentId);
            bookedUnder.remove(agentId);
        }
    }

    @Override
    public synchronized boolean retainOnly(Map<String, String> keep, long epoch) {
        Objects.requireNonNull(keep, "keep");
        if (epoch < this.epoch) {
            return false;
        }
        bookings.entrySet().removeIf(e -> !e.getValue().equals(keep.get(e.getKey())) && bookedUnder.get(e.getKey()) < epoch);
        bookedUnder.keySet().retainAll(bookings.keySet());
        return true;
    }

    @Override
    public synchronized Map<String, String> all() {
        return Map.copyOf(bookings);
    }

    /** The same rule as the Redis twin, whose PEXPIRE takes whole milliseconds. */
    private static void requireTtl(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("the floor lease time must be at least 1 ms, not " + ttl);
        }
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node, agent and work ids must not be blank");
        }
    }
}

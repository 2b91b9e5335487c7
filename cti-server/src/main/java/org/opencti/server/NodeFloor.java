package org.opencti.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's claim on the floor, renewed on a timer: it tells the node when it gained the floor (take over the ACD and
 * the campaigns), when it lost it (stand down at once) and when the store gave it a new tenure while it held on (Redis
 * came back empty: the node keeps the floor under the new epoch and writes what it knows back). A claim that fails
 * (the store unreachable) changes nothing: while nobody can reach the store nobody can take the floor over, so the holder
 * keeps routing what it owns. Runs on its scheduler's thread only; the store calls block there, never on the ACD.
 */
final class NodeFloor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFloor.class);
    private static final Duration FAILURE_LOG_EVERY = Duration.ofSeconds(30);

    /** What the node does as its tenure changes; called on the floor's thread, in order. */
    interface Changes {
        void gained(FloorLease.Tenure tenure);

        /** Still the holder, under a new epoch (the lease was lost in the store and claimed again). */
        void renewedUnder(FloorLease.Tenure tenure);

        void lost();
    }

    private final String nodeId;
    private volatile String address;
    private final Duration lease;
    private final Duration renewEvery;
    private final FloorLease floor;
    private final Changes changes;
    private final Scheduler scheduler;
    private final Counter claimFailures;
    private final Counter takeovers;
    private volatile FloorLease.Tenure holding;
    private volatile FloorLease.Tenure knownHolder;
    private volatile boolean closed;
    private final BooleanSupplier ready;
    private Instant lastFailureLogged = Instant.MIN;
    private Instant notReadySince;
    private Scheduler.Cancellable next;

    /** @param ready whether the node can work the floor now (its AMI links are up) */
    NodeFloor(String nodeId, String address, Duration lease, FloorLease floor, Changes changes, Scheduler scheduler, MeterRegistry meters,
              BooleanSupplier ready) {
        this.ready = ready;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.address = Objects.requireNonNull(address, "address");
        this.lease = lease;
        // a holder renews several times per lease, so one late renewal never costs it the floor
        this.renewEvery = Duration.ofMillis(Math.max(200, Math.min(1_000, lease.toMillis() / 5)));
        this.floor = floor;
        this.changes = changes;
        this.scheduler = scheduler;
        this.claimFailures = meters.counter("cti.floor.claim.failures");
        this.takeovers = meters.counter("cti.floor.takeovers");
        Gauge.builder("cti.floor.holder", this, f -> f.holding != null ? 1 : 0)
            .description("1 while this node holds the floor (routes calls, runs campaigns)").register(meters);
    }

    /** Claims at once, then on every renewal tick. Call on the scheduler's thread (or before it runs anything else). */
    void start() {
        tick();
    }

    /** One claim or renewal, then the next one scheduled. */
    synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            if (!ready.getAsBoolean()) {
                notReady();
                return;
            }
            notReadySince = null;
            Optional<FloorLease.Tenure> claimed = floor.claim(nodeId, address, lease);
            if (claimed.isPresent()) {
                FloorLease.Tenure t = claimed.get();
                knownHolder = t;
                FloorLease.Tenure was = holding;
                if (was == null) {
                    take(t);
                } else if (was.epoch() != t.epoch()) {
                    holding = t;
                    LOG.warn("node {} holds the floor under a new epoch {} (was {}): the store lost the lease", nodeId, t.epoch(),
                        was.epoch());
                    changes.renewedUnder(t);
                }
            } else {
                knownHolder = floor.holder().orElse(null);
                if (holding != null) {
                    holding = null;
                    LOG.warn("node {} lost the floor to {}", nodeId, knownHolder == null ? "nobody yet" : knownHolder.nodeId());
                    changes.lost();
                }
            }
        } catch (RuntimeException e) {
            claimFailures.increment();
            Instant now = scheduler.clock().instant();
            if (!now.isBefore(lastFailureLogged.plus(FAILURE_LOG_EVERY))) {
                lastFailureLogged = now;
                LOG.warn("node {} could not claim the floor ({}); {}", nodeId, e.toString(),
                    holding != null ? "it keeps routing what it holds" : "it stays a standby");
            }
        } finally {
            if (!closed) {
                next = scheduler.schedule(renewEvery, this::tick);
            }
        }
    }

    /** Holds the floor only once the node took it over; a takeover that fails gives the lease back (another node may do better). */
    private void take(FloorLease.Tenure t) {
        try {
            changes.gained(t);
        } catch (RuntimeException e) {
            LOG.error("node {} could not take the floor over (epoch {}): {}; giving it back", nodeId, t.epoch(), e.toString());
            changes.lost();
            floor.release(nodeId);
            return;
        }
        holding = t;
        takeovers.increment();
        LOG.info("node {} holds the floor (epoch {})", nodeId, t.epoch());
    }

    /**
     * The node cannot work the floor now (its AMI link is down): a standby does not claim; a holder keeps its lease for one
     * lease time (a link that comes back costs nothing), then gives it up so a node that sees the PBX takes over.
     */
    private void notReady() {
        if (holding == null) {
            knownHolder = floor.holder().orElse(null);
            return;
        }
        Instant now = scheduler.clock().instant();
        if (notReadySince == null) {
            notReadySince = now;
        }
        if (Duration.between(notReadySince, now).compareTo(lease) < 0) {
            floor.claim(nodeId, address, lease);
            return;
        }
        LOG.warn("node {} cannot reach the PBX for {}: it gives the floor up", nodeId, Duration.between(notReadySince, now));
        holding = null;
        notReadySince = null;
        changes.lost();
        floor.release(nodeId);
    }

    /** Where other nodes reach this one, once its HTTP port is known (before {@link #start}). */
    void address(String address) {
        this.address = Objects.requireNonNull(address, "address");
    }

    boolean holds() {
        return holding != null;
    }

    /** The holder as last seen (this node or another); empty when nobody held the floor at the last look. */
    Optional<FloorLease.Tenure> holder() {
        return Optional.ofNullable(knownHolder);
    }

    Duration renewEvery() {
        return renewEvery;
    }

    /** The node died: renewing stops, nothing is given back (the lease runs out by itself). For tests of a crash. */
    synchronized void halt() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }

    /** Stops renewing and gives the floor up at once, so another node takes over without waiting out the lease. */
    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
        if (holding != null) {
            holding = null;
            changes.lost();
            try {
                floor.release(nodeId);
            } catch (RuntimeException e) {
                LOG.warn("node {} could not give the floor up ({}); the lease runs out by itself", nodeId, e.toString());
            }
        }
    }
}

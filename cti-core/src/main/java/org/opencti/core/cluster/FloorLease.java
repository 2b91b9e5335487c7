package org.opencti.core.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * Which CTI node runs the floor now: routes the inbound calls, offers agents, runs the campaigns. Exactly one node
 * holds the floor at a time, for a limited time it keeps renewing; when it stops renewing (it died, or lost its link to
 * the store) another node's claim succeeds after the lease ran out. Every change of holder draws a higher
 * {@link Tenure#epoch()}: the fencing token that {@link AgentBookings} checks, so a node that lost the floor without
 * knowing it (paused, cut off) cannot book an agent any more. May block (a store round trip): never call it on the
 * ACD's thread or an event loop.
 */
public interface FloorLease {
    /**
     * Takes the floor when nobody holds it (or the holder's lease ran out), or renews it when {@code nodeId} holds it.
     * Idempotent: a claim repeated (a client replaying after a reconnect) changes nothing more.
     *
     * @param ttl how long the hold lasts without another claim; at least a millisecond
     * @return this node's tenure when it holds the floor after the call; empty when another node does
     * @throws IllegalArgumentException when {@code nodeId} is blank or {@code ttl} shorter than a millisecond
     */
    Optional<Tenure> claim(String nodeId, String address, Duration ttl);

    /** Gives the floor up at once when {@code nodeId} holds it (a node stopping cleanly); otherwise does nothing. */
    void release(String nodeId);

    /** Who holds the floor now, if anyone. */
    Optional<Tenure> holder();

    /**
     * A node's hold on the floor.
     *
     * @param nodeId  the node's configured id
     * @param address where other nodes reach its HTTP API (e.g. {@code http://10.0.0.5:8080}), to forward agents' commands
     * @param epoch   1 for the first holder, one more for every new holder; a renewal keeps it
     */
    record Tenure(String nodeId, String address, long epoch) { }
}

package org.opencti.dialer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Callbacks agreed at wrap-up. Methods may block (JDBC): call them from a worker. Several nodes may share one store;
 * a callback is claimed by one of them at a time, and a claim whose lease ran out (the node died) can be taken again.
 */
public interface CallbackStore {
    /** Stores a new callback ({@code id} 0, pending); returns its id. */
    long schedule(Callback callback);

    /** Up to {@code limit} of the campaign's callbacks due at {@code now} and not held by a live claim, earliest first. */
    List<Callback> due(long campaignId, Instant now, int limit);

    /** Claims a due callback for {@code nodeId} until {@code now + lease}; false when another node has it or it is not due. */
    boolean claim(long callbackId, String nodeId, Instant now, Duration lease);

    /**
     * Ends this node's claim: it was dialed ({@code attempted}) or not, and is due again at {@code nextDueAt}, or done
     * (null). Refused when the node no longer holds it.
     */
    void finish(long callbackId, String nodeId, boolean attempted, Instant nextDueAt);

    /** The campaign's callbacks not done yet, earliest first. */
    List<Callback> pending(long campaignId);

    Optional<Callback> find(long callbackId);
}

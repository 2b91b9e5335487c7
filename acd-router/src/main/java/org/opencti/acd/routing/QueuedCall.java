package org.opencti.acd.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller waiting for an agent. {@code enteredAt} is when they started waiting; it never changes (not when the call is
 * put back after a missed offer, not when it overflows to another queue) so the caller keeps their place.
 */
public record QueuedCall(String callId, String queue, Instant enteredAt, CallerProfile caller) {
    public QueuedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(caller, "caller");
    }
}

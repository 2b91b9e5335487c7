package org.opencti.acd.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller waiting for an agent. {@code enteredAt} is when they started waiting; it never changes (not when the call is
 * put back after a missed offer, not when it overflows to another queue) so the caller keeps their place. {@code skills}
 * are what this caller needs of an agent beyond the queue's steps; they travel with the call through overflow.
 */
public record QueuedCall(String callId, String queue, Instant enteredAt, CallerProfile caller, CallSkills skills) {
    public QueuedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(skills, "skills");
    }

    /** A caller who needs nothing beyond the queue's steps. */
    public QueuedCall(String callId, String queue, Instant enteredAt, CallerProfile caller) {
        this(callId, queue, enteredAt, caller, CallSkills.NONE);
    }
}

package org.opencti.core.cluster;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.opencti.core.port.DoneNow;

/**
 * Who an agent is booked for, shared by every node: the atomic reservation that keeps two nodes (or a node that lost
 * the floor without knowing it) from offering two calls to one agent. A booking names the work ({@code "call:<id>"},
 * {@code "campaign:<id>"}) and carries the floor epoch it was made under. May block: never on the ACD's thread.
 */
public interface AgentBookings {
    /**
     * Books {@code agentId} for {@code work} under the floor {@code epoch}, atomically.
     *
     * @return true when the agent is now booked for this work (also when it already was: a replay books nothing twice);
     *     false when they are booked for other work, or when {@code epoch} is older than the floor's current epoch
     *     (the caller no longer holds the floor)
     */
    boolean book(String agentId, String work, long epoch);

    /** Frees {@code agentId} if booked for {@code work}; a booking for other work stays. Idempotent. */
    void free(String agentId, String work);

    /**
     * {@link #book} without waiting; operations handed over from one thread reach the store in that order. By default the
     * blocking call, done now (the in-memory twin).
     */
    default CompletionStage<Boolean> bookAsync(String agentId, String work, long epoch) {
        return DoneNow.get(() -> book(agentId, work, epoch));
    }

    /** {@link #free} without waiting, in order with {@link #bookAsync}. */
    default CompletionStage<Void> freeAsync(String agentId, String work) {
        return DoneNow.run(() -> free(agentId, work));
    }

    /**
     * Frees every booking made under an earlier epoch and not in {@code keep} (agent to work): the new floor holder's
     * clean-up of the last holder's bookings after a takeover. Bookings made under {@code epoch} itself stay, so the clean-up
     * may run after (or beside) the new holder's first bookings. Fenced like {@link #book}: a node that lost the floor
     * without knowing it must not wipe the new holder's bookings.
     *
     * @return true when done; false (nothing freed) when {@code epoch} is older than the floor's current epoch
     */
    boolean retainOnly(Map<String, String> keep, long epoch);

    /** Every booking: agent to work. */
    Map<String, String> all();
}

package org.opencti.core.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One agent state change as the ACD made it, for the state history the interval reports read: the state lasts until
 * the agent's next change. {@code changeId} is made with the change, so writing it again (a batch retried after a lost
 * acknowledgement) stores nothing twice.
 */
public record AgentStateChange(String changeId, String agentId, AgentState state, String reason, Instant at) {
    /** Longest reason kept; the desktop's not-ready reasons are at most 100 characters. */
    public static final int MAX_REASON = 100;

    public AgentStateChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (agentId.isBlank()) {
            throw new IllegalArgumentException("agentId must not be blank");
        }
        reason = reason == null || reason.isBlank() ? null : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    /** A change made now, with a fresh id. */
    public static AgentStateChange of(String agentId, AgentState state, String reason, Instant at) {
        return new AgentStateChange(UUID.randomUUID().toString(), agentId, state, reason, at);
    }
}

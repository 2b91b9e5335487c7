package org.opencti.core.agent;

import java.time.Instant;
import java.util.Objects;

/** An agent's state as shared with other parts and nodes; callId is set while reserved/ringing/on call. */
public record AgentStatus(String agentId, AgentState state, String reason, Instant since, String callId) {
    public AgentStatus {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}

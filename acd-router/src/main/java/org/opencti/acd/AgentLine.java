package org.opencti.acd;

import org.opencti.core.agent.AgentState;

/**
 * An agent as a supervisor sees them: their team, their state, and while a caller is connected to them the
 * channel of their agent leg (what ChanSpy listens to); {@code agentLegChannel} is {@code null} otherwise.
 */
public record AgentLine(String agentId, String team, AgentState state, String callId, String agentLegChannel) {
    /** Talking to a caller now: there is a call to listen to. */
    public boolean onCall() {
        return state == AgentState.ON_CALL && agentLegChannel != null;
    }
}

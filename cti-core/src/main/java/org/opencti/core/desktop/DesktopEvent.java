package org.opencti.core.desktop;

import java.time.Instant;
import org.opencti.core.agent.AgentState;
import org.opencti.core.screenpop.ScreenPop;

/** What an agent's desktop is told, in the order it happened. Each event concerns one agent. */
public sealed interface DesktopEvent {
    String agentId();

    Instant at();

    record AgentStateChanged(String agentId, Instant at, AgentState state, String reason) implements DesktopEvent { }

    record CallOffered(String agentId, Instant at, String callId, String callerNumber, String queue)
        implements DesktopEvent { }

    record ScreenPopped(String agentId, Instant at, String callId, ScreenPop pop) implements DesktopEvent { }

    record CallConnected(String agentId, Instant at, String callId) implements DesktopEvent { }

    record CallEnded(String agentId, Instant at, String callId, String outcome) implements DesktopEvent { }
}

package org.opencti.core.desktop;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencti.core.agent.AgentState;
import org.opencti.core.screenpop.ScreenPop;

/** What an agent's desktop is told, in the order it happened. Each event concerns one agent. */
public sealed interface DesktopEvent {
    String agentId();

    Instant at();

    record AgentStateChanged(String agentId, Instant at, AgentState state, String reason) implements DesktopEvent { }

    record CallOffered(String agentId, Instant at, String callId, String callerNumber, String queue)
        implements DesktopEvent { }

    /** {@code callData}: what the IVR collected and set for the call (intent, path, account checked...), by name. */
    record ScreenPopped(String agentId, Instant at, String callId, ScreenPop pop, Map<String, String> callData) implements DesktopEvent {
        public ScreenPopped {
            callData = Collections.unmodifiableMap(new LinkedHashMap<>(callData)); // in the order the IVR set them
        }

        public ScreenPopped(String agentId, Instant at, String callId, ScreenPop pop) {
            this(agentId, at, callId, pop, Map.of());
        }
    }

    record CallConnected(String agentId, Instant at, String callId) implements DesktopEvent { }

    record CallEnded(String agentId, Instant at, String callId, String outcome) implements DesktopEvent { }

    /** The agent's scheduled callbacks changed (scheduled, moved, cancelled, made, handed to the queue): time to reread them. */
    record CallbacksChanged(String agentId, Instant at) implements DesktopEvent { }
}

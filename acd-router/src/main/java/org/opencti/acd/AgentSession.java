package org.opencti.acd;

import java.time.Instant;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;

/** An agent's live state as the ACD owns it. Mutable, owned by the ACD's single writer. */
final class AgentSession {
    final AgentProfile profile;
    AgentState state = AgentState.LOGGED_OUT;
    String reason;
    Instant since;
    String callId;
    /** Bumped on every change so a stale timer (wrap-up) can tell it is stale. */
    long epoch;

    AgentSession(AgentProfile profile, Instant now) {
        this.profile = profile;
        this.since = now;
    }

    AgentStatus status() {
        return new AgentStatus(profile.id(), state, reason, since, callId);
    }
}

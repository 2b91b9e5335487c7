package org.opencti.core.port;

import org.opencti.core.agent.AgentStateChange;

/** The agents' state history (every change, in the order made). Idempotent on the change's id. May block. */
public interface AgentStateLog {
    /** @return true when written now, false when a change with this id was already there */
    boolean record(AgentStateChange change);
}

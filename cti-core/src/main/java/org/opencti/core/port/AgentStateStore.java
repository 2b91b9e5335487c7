package org.opencti.core.port;

import java.util.Map;
import java.util.Optional;
import org.opencti.core.agent.AgentStatus;

/** Agent presence and state, shared between parts (and, through Redis, between nodes). May block. */
public interface AgentStateStore {
    void put(AgentStatus status);

    Optional<AgentStatus> get(String agentId);

    Map<String, AgentStatus> all();
}

package org.opencti.core.adapter.memory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.port.AgentStateStore;

/** Agent states in memory, for one node and for tests. Thread-safe. */
public final class InMemoryAgentStateStore implements AgentStateStore {
    private final Map<String, AgentStatus> byAgent = new ConcurrentHashMap<>();

    @Override
    public void put(AgentStatus status) {
        Objects.requireNonNull(status, "status");
        if (status.agentId().isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        byAgent.put(status.agentId(), status);
    }

    @Override
    public Optional<AgentStatus> get(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return Optional.ofNullable(byAgent.get(agentId));
    }

    @Override
    public Map<String, AgentStatus> all() {
        return Map.copyOf(byAgent);
    }
}

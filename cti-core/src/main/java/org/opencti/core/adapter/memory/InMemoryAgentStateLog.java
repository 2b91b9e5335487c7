package org.opencti.core.adapter.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.port.AgentStateLog;

/** The agents' state history in memory: idempotent on the change id, like the PostgreSQL one. Thread-safe. */
public final class InMemoryAgentStateLog implements AgentStateLog {
    private final Map<String, AgentStateChange> byId = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(AgentStateChange change) {
        Objects.requireNonNull(change, "change");
        return byId.putIfAbsent(change.changeId(), change) == null;
    }

    /** Every change, in the order recorded. */
    public synchronized List<AgentStateChange> all() {
        return List.copyOf(byId.values());
    }
}

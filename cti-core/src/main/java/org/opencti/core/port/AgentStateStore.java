package org.opencti.core.port;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.core.agent.AgentStatus;

/** Agent presence and state, shared between parts (and, through Redis, between nodes). May block. */
public interface AgentStateStore {
    void put(AgentStatus status);

    /**
     * {@link #put} without waiting: the write is handed over at once and completes later. Writes handed over from one thread
     * land in that order. By default the blocking put, done now (stores in memory).
     */
    default CompletionStage<Void> putAsync(AgentStatus status) {
        return DoneNow.run(() -> put(status));
    }

    Optional<AgentStatus> get(String agentId);

    Map<String, AgentStatus> all();
}

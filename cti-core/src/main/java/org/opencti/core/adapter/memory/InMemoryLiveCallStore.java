package org.opencti.core.adapter.memory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCallStore;

/** Live calls in memory, for one node and for tests sharing one instance between nodes. Thread-safe. */
public final class InMemoryLiveCallStore implements LiveCallStore {
    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();

    @Override
    public void put(LiveCall call) {
        Objects.requireNonNull(call, "call");
        if (call.callId().isBlank()) {
            throw new IllegalArgumentException("call id must not be blank");
        }
        calls.put(call.callId(), call);
    }

    @Override
    public void remove(String callId) {
        calls.remove(Objects.requireNonNull(callId, "callId"));
    }

    @Override
    public List<LiveCall> all() {
        return List.copyOf(calls.values());
    }
}

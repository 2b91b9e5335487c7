package org.opencti.core.adapter.memory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.port.ScheduledCallbackStore;

/** Scheduled callbacks in memory (the demo, tests): the twin of {@code PostgresScheduledCallbackStore}. */
public final class InMemoryScheduledCallbackStore implements ScheduledCallbackStore {
    private final Map<String, ScheduledCallback> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(ScheduledCallback callback) {
        if (byId.putIfAbsent(callback.id(), callback) != null) {
            throw new IllegalStateException("callback " + callback.id() + " exists already");
        }
    }

    @Override
    public synchronized boolean update(ScheduledCallback callback) {
        ScheduledCallback stored = byId.get(callback.id());
        if (stored == null || stored.version() != callback.version() - 1) {
            return false;
        }
        byId.put(callback.id(), callback);
        return true;
    }

    @Override
    public synchronized Optional<ScheduledCallback> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<ScheduledCallback> open() {
        return byId.values().stream().filter(c -> c.status().open())
            .sorted(Comparator.comparing(ScheduledCallback::dueAt).thenComparing(ScheduledCallback::id)).toList();
    }
}

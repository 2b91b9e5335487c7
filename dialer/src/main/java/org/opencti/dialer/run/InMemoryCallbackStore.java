package org.opencti.dialer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The in-memory twin of {@link PostgresCallbackStore} (one node: a lock stands in for row locks). */
public final class InMemoryCallbackStore implements CallbackStore {
    private static final Comparator<Callback> EARLIEST = Comparator.comparing(Callback::dueAt).thenComparingLong(Callback::id);
    private final Map<Long, Callback> callbacks = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized long schedule(Callback c) {
        if (c.id() != 0 || c.status() != Callback.Status.PENDING) {
            throw new IllegalArgumentException("a new callback has id 0 and is pending, not " + c.id() + "/" + c.status().word());
        }
        long id = next++;
        callbacks.put(id, new Callback(id, c.campaignId(), c.leadId(), c.agentId(), c.dueAt(), Callback.Status.PENDING, 0, c.attemptId(),
            c.createdBy(), c.createdAt(), null, null));
        return id;
    }

    @Override
    public synchronized List<Callback> due(long campaignId, Instant now, int limit) {
        return callbacks.values().stream().filter(c -> c.campaignId() == campaignId && claimable(c, now)).sorted(EARLIEST).limit(limit)
            .toList();
    }

    private static boolean claimable(Callback c, Instant now) {
        return !c.dueAt().isAfter(now) && (c.status() == Callback.Status.PENDING
            || c.status() == Callback.Status.IN_PROGRESS && c.leaseUntil().isBefore(now));
    }

    @Override
    public synchronized boolean claim(long callbackId, String nodeId, Instant now, Duration lease) {
        Objects.requireNonNull(nodeId, "nodeId");
        Callback c = callbacks.get(callbackId);
        if (c == null || !claimable(c, now)) {
            return false;
        }
        callbacks.put(callbackId, new Callback(c.id(), c.campaignId(), c.leadId(), c.agentId(), c.dueAt(), Callback.Status.IN_PROGRESS,
            c.attempts(), c.attemptId(), c.createdBy(), c.createdAt(), nodeId, now.plus(lease)));
        return true;
    }

    @Override
    public synchronized void finish(long callbackId, String nodeId, boolean attempted, Instant nextDueAt) {
        Callback c = callbacks.get(callbackId);
        if (c == null || c.status() != Callback.Status.IN_PROGRESS || !c.claimedBy().equals(nodeId)) {
            throw new IllegalStateException("callback " + callbackId + " is not claimed by " + nodeId + " (its lease ran out?)");
        }
        callbacks.put(callbackId, new Callback(c.id(), c.campaignId(), c.leadId(), c.agentId(), nextDueAt == null ? c.dueAt() : nextDueAt,
            nextDueAt == null ? Callback.Status.DONE : Callback.Status.PENDING, c.attempts() + (attempted ? 1 : 0), c.attemptId(),
            c.createdBy(), c.createdAt(), null, null));
    }

    @Override
    public synchronized List<Callback> pending(long campaignId) {
        return callbacks.values().stream().filter(c -> c.campaignId() == campaignId && c.status() != Callback.Status.DONE).sorted(EARLIEST)
            .toList();
    }

    @Override
    public synchronized Optional<Callback> find(long callbackId) {
        return Optional.ofNullable(callbacks.get(callbackId));
    }
}

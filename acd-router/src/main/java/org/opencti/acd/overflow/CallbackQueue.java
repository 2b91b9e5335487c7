package org.opencti.acd.overflow;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pending callbacks per queue, in the order their callers first entered the queue. The ACD compares the head
 * callback's {@code originalEnteredAt} with its oldest waiting call to decide who is next when an agent frees up,
 * then dials the customer back. A callback that fails can be added again unchanged and goes back to its place.
 * Not thread-safe: it belongs to the ACD's state owner.
 */
public final class CallbackQueue {
    private static final Comparator<CallbackRequest> IN_LINE =
        Comparator.comparing(CallbackRequest::originalEnteredAt).thenComparing(CallbackRequest::callId);

    private final Map<String, TreeSet<CallbackRequest>> byQueue = new HashMap<>();
    private final Map<String, CallbackRequest> byCallId = new HashMap<>();

    public void add(CallbackRequest request) {
        if (byCallId.containsKey(request.callId())) {
            throw new IllegalArgumentException("a callback for call " + request.callId() + " is already pending");
        }
        byCallId.put(request.callId(), request);
        byQueue.computeIfAbsent(request.queue(), q -> new TreeSet<>(IN_LINE)).add(request);
    }

    /** Takes the queue's first callback in line, for an agent who just became free. */
    public Optional<CallbackRequest> nextFor(String queue) {
        Optional<CallbackRequest> head = peek(queue);
        head.ifPresent(this::remove);
        return head;
    }

    public Optional<CallbackRequest> peek(String queue) {
        TreeSet<CallbackRequest> line = byQueue.get(queue);
        return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line.first());
    }

    /** The customer called again or cancelled; true if a callback was pending. */
    public boolean cancel(String callId) {
        CallbackRequest request = byCallId.get(callId);
        if (request == null) {
            return false;
        }
        remove(request);
        return true;
    }

    public List<CallbackRequest> pending(String queue) {
        TreeSet<CallbackRequest> line = byQueue.get(queue);
        return line == null ? List.of() : List.copyOf(line);
    }

    public int size() {
        return byCallId.size();
    }

    private void remove(CallbackRequest request) {
        byCallId.remove(request.callId());
        TreeSet<CallbackRequest> line = byQueue.get(request.queue());
        line.remove(request);
        if (line.isEmpty()) {
            // Queues come and go with the config; do not keep empty lines around.
            byQueue.remove(request.queue());
        }
    }
}

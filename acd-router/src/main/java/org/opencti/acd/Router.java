package org.opencti.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * First routing strategy: the oldest waiting call goes to the longest-idle ready agent who has the
 * queue's skills. Plain Java, no I/O, no clock of its own: the caller says when things happen.
 * Not thread-safe: it belongs to the ACD's state owner.
 */
public final class Router {
    private static final Comparator<WaitingCall> OLDEST_FIRST =
        Comparator.comparing(WaitingCall::waitingSince).thenComparing(WaitingCall::callId);

    private final Map<String, RoutingQueue> queues = new HashMap<>();
    private final Map<String, AgentProfile> agents = new HashMap<>();
    /** Ready agents with the instant they became idle. */
    private final Map<String, Instant> readySince = new LinkedHashMap<>();
    private final TreeSet<WaitingCall> waiting = new TreeSet<>(OLDEST_FIRST);
    private final Map<String, WaitingCall> waitingById = new HashMap<>();

    public Router(List<RoutingQueue> queues, List<AgentProfile> agents) {
        queues.forEach(q -> this.queues.put(q.name(), q));
        agents.forEach(a -> this.agents.put(a.id(), a));
    }

    public RoutingQueue queue(String name) {
        return queues.get(name);
    }

    public boolean hasQueue(String name) {
        return queues.containsKey(name);
    }

    public AgentProfile agent(String id) {
        return agents.get(id);
    }

    public void agentReady(String agentId, Instant idleSince) {
        if (!agents.containsKey(agentId)) {
            throw new IllegalArgumentException("unknown agent " + agentId);
        }
        readySince.put(agentId, idleSince);
    }

    /** The agent cannot take a call now (reserved, talking, wrap-up, not ready, logged out). */
    public void agentUnavailable(String agentId) {
        readySince.remove(agentId);
    }

    public boolean isReady(String agentId) {
        return readySince.containsKey(agentId);
    }

    public void enqueue(WaitingCall call) {
        if (!queues.containsKey(call.queue())) {
            throw new IllegalArgumentException("unknown queue " + call.queue());
        }
        WaitingCall previous = waitingById.put(call.callId(), call);
        if (previous != null) {
            waiting.remove(previous);
        }
        waiting.add(call);
    }

    public boolean remove(String callId) {
        WaitingCall call = waitingById.remove(callId);
        return call != null && waiting.remove(call);
    }

    public List<WaitingCall> waitingCalls() {
        return List.copyOf(waiting);
    }

    /**
     * Pairs waiting calls with ready agents, oldest call first. Assigned calls leave the queue and
     * assigned agents stop being ready; the caller books them.
     */
    public List<Assignment> dispatch() {
        List<Assignment> out = new ArrayList<>();
        if (readySince.isEmpty() || waiting.isEmpty()) {
            return out;
        }
        for (WaitingCall call : List.copyOf(waiting)) {
            String agentId = longestIdleEligible(queues.get(call.queue()));
            if (agentId != null) {
                remove(call.callId());
                readySince.remove(agentId);
                out.add(new Assignment(call.callId(), call.queue(), agentId));
                if (readySince.isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }

    private String longestIdleEligible(RoutingQueue queue) {
        String best = null;
        Instant bestSince = null;
        for (Map.Entry<String, Instant> e : readySince.entrySet()) {
            AgentProfile agent = agents.get(e.getKey());
            if (queue.eligible(agent.skills()) && (bestSince == null || e.getValue().isBefore(bestSince))) {
                best = e.getKey();
                bestSince = e.getValue();
            }
        }
        return best;
    }
}

package org.opencti.acd.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A waiting call's routing state. Keys used by sorted sets change only while the call is out of those sets. */
final class CallNode {
    /** Order within a queue: highest score first (the constant key stands for the score at any instant). */
    static final Comparator<CallNode> IN_QUEUE = (x, y) -> {
        int c = Long.compare(y.key, x.key);
        return c != 0 ? c : arrival(x, y);
    };
    static final Comparator<CallNode> BY_NEXT_EVENT = (x, y) -> {
        int c = x.nextEventAt.compareTo(y.nextEventAt);
        return c != 0 ? c : Long.compare(x.seq, y.seq);
    };

    final String id;
    final Instant enteredAt;
    final long enteredMs;
    final CallerProfile caller;
    final CallSkills skills;
    /** Ties between equal scores and arrival instants: enqueue order, calls put back at the head first. */
    final long seq;
    QueueState queue;
    /** {@code fixed - rate * enteredMs}, in micro-points: the score at {@code t} is {@code key + rate * t}. */
    long key;
    long rate;
    boolean waiting = true;
    /** Needs placing (step, owner window) at the next route, whose time we do not know yet. */
    boolean pending;
    boolean placed;
    boolean restricted;
    /** The owner holding the call while {@code restricted}. */
    AgentNode holder;
    int step;
    /** When the call next reaches a step or its owner window ends; null when neither will happen. */
    Instant nextEventAt;
    boolean windowIndexed;
    List<String> excluded;
    /** The call's own skills still narrow who may take it (worked out at each placement; their end is a timer). */
    boolean requiring;
    int pushedGen;
    boolean blockedSeen;

    CallNode(QueuedCall call, long seq) {
        this.id = call.callId();
        this.enteredAt = call.enteredAt();
        this.enteredMs = call.enteredAt().toEpochMilli();
        this.caller = call.caller();
        this.skills = call.skills();
        this.seq = seq;
    }

    void assign(QueueState q) {
        queue = q;
        rate = q.rate;
        key = q.rules.weights().fixedMicros(caller) - rate * enteredMs;
    }

    long scoreAt(long nowMs) {
        return key + rate * nowMs;
    }

    /** The agent may not take this call: they missed its offer, or lack a skill the caller still requires. */
    boolean excludes(AgentNode agent) {
        return excluded != null && excluded.contains(agent.id) || requiring && !skills.metBy(agent.skills);
    }

    /** Any agent the queue's step allows may take it, or it has a set of agents it refuses. */
    boolean refusesSome() {
        return excluded != null || requiring;
    }

    void exclude(String agentId) {
        if (excluded == null) {
            excluded = new ArrayList<>(1);
        }
        if (!excluded.contains(agentId)) {
            excluded.add(agentId);
        }
    }

    String ownerId() {
        return caller.accountManagerId();
    }

    QueuedCall view() {
        return new QueuedCall(id, queue.name, enteredAt, caller, skills);
    }

    /** Order across queues at {@code nowMs}: queues may gain points at different rates, so compare scores then. */
    static int rankAt(CallNode x, CallNode y, long nowMs) {
        int c = Long.compare(y.scoreAt(nowMs), x.scoreAt(nowMs));
        return c != 0 ? c : arrival(x, y);
    }

    private static int arrival(CallNode x, CallNode y) {
        int c = x.enteredAt.compareTo(y.enteredAt);
        return c != 0 ? c : Long.compare(x.seq, y.seq);
    }
}

package org.opencti.acd.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each waiting call sits. A call is <em>placed</em> either in its queue's pool set for its current step or, in
 * an open owner-first window with the owner logged in to the queue, with that owner alone. The engine does not know
 * the time between routes, so anything that may change a placement (arrival, move, owner login or logout) only marks
 * the call pending; the next route places it at its own {@code now}, and a timer set re-places calls when they reach
 * a new step, their window ends or their own skills stop being required.
 */
final class CallBook {
    private final Map<String, AgentNode> agents;
    private final Map<String, CallNode> calls = new HashMap<>();
    private final TreeSet<CallNode> timers = new TreeSet<>(CallNode.BY_NEXT_EVENT);
    /** Calls whose owner-first window may still be open, by owner: their placement follows the owner's login. */
    private final Map<String, List<CallNode>> byOwner = new HashMap<>();
    private final ArrayList<CallNode> pending = new ArrayList<>();

    CallBook(Map<String, AgentNode> agents) {
        this.agents = agents;
    }

    CallNode get(String callId) {
        return calls.get(callId);
    }

    void add(CallNode call, QueueState queue) {
        calls.put(call.id, call);
        join(call, queue);
    }

    /** The call leaves for good (matched, abandoned, answered elsewhere). */
    void remove(CallNode call) {
        leave(call);
        calls.remove(call.id);
        call.waiting = false;
    }

    /** Overflow: same call, same arrival instant, another queue's rules and scores. */
    void move(CallNode call, QueueState to) {
        leave(call);
        join(call, to);
    }

    /** The owner logged in or out: their calls in an open window change hands at the next route. */
    void ownerChanged(String agentId) {
        List<CallNode> owned = byOwner.get(agentId);
        if (owned != null) {
            for (CallNode c : owned) {
                markPending(c);
            }
        }
    }

    /** Places the pending calls and those due a new step or window end at {@code now}; each goes to the route. */
    void settle(Instant now, Matcher route) {
        for (CallNode c : pending) {
            if (c.waiting && c.pending) {
                c.pending = false;
                place(c, now);
                route.push(c);
            }
        }
        pending.clear();
        while (!timers.isEmpty() && !timers.first().nextEventAt.isAfter(now)) {
            CallNode c = timers.pollFirst();
            c.nextEventAt = null;
            unplace(c);
            place(c, now);
            route.push(c);
        }
    }

    /** The earliest instant after {@code now} when a waiting call reaches a new step or its owner window ends. */
    Instant nextEventAfter(Instant now) {
        Instant best = null;
        for (CallNode c : pending) {
            if (c.waiting && c.pending) {
                best = earlier(best, nextEventAfter(c, now));
            }
        }
        for (CallNode c : timers) {
            if (c.nextEventAt.isAfter(now)) {
                // later timers are later still, and each is its call's first event after the last route
                return earlier(best, c.nextEventAt);
            }
            best = earlier(best, nextEventAfter(c, now));
        }
        return best;
    }

    private static Instant nextEventAfter(CallNode c, Instant now) {
        QueueState q = c.queue;
        Instant next = q.stepStart(c.enteredAt, q.stepAt(c.enteredAt, now) + 1);
        Instant windowEnd = q.windowEnd(c);
        if (windowEnd != null && windowEnd.isAfter(now)) {
            next = earlier(next, windowEnd);
        }
        return c.skills.activeAt(now) ? earlier(next, c.skills.until()) : next;
    }

    private void join(CallNode call, QueueState queue) {
        call.assign(queue);
        queue.calls.add(call);
        if (queue.windowEnd(call) != null) {
            byOwner.computeIfAbsent(call.ownerId(), k -> new ArrayList<>(2)).add(call);
            call.windowIndexed = true;
        }
        markPending(call);
    }

    private void leave(CallNode call) {
        unplace(call);
        unindex(call);
        call.queue.calls.remove(call);
    }

    private void markPending(CallNode call) {
        unplace(call);
        if (!call.pending) {
            call.pending = true;
            pending.add(call);
        }
    }

    private void place(CallNode c, Instant now) {
        QueueState q = c.queue;
        c.step = q.stepAt(c.enteredAt, now);
        Instant next = q.stepStart(c.enteredAt, c.step + 1);
        Instant windowEnd = q.windowEnd(c);
        AgentNode owner = null;
        if (windowEnd != null && now.isBefore(windowEnd)) {
            next = earlier(next, windowEnd);
            owner = agents.get(c.ownerId());
        } else {
            unindex(c);
        }
        c.requiring = c.skills.activeAt(now);
        if (c.requiring) {
            next = earlier(next, c.skills.until());
        }
        c.restricted = owner != null && owner.membership(q) != null;
        if (c.restricted) {
            c.holder = owner;
            owner.hold(c);
        } else {
            q.poolCalls.get(c.step).add(c);
        }
        c.nextEventAt = next;
        if (next != null) {
            timers.add(c);
        }
        c.placed = true;
    }

    private void unplace(CallNode c) {
        if (!c.placed) {
            return;
        }
        if (c.restricted) {
            c.holder.held.remove(c);
            c.holder = null;
        } else {
            c.queue.poolCalls.get(c.step).remove(c);
        }
        if (c.nextEventAt != null) {
            timers.remove(c);
            c.nextEventAt = null;
        }
        c.placed = false;
    }

    private void unindex(CallNode c) {
        if (c.windowIndexed) {
            List<CallNode> owned = byOwner.get(c.ownerId());
            owned.remove(c);
            if (owned.isEmpty()) {
                byOwner.remove(c.ownerId());
            }
            c.windowIndexed = false;
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}

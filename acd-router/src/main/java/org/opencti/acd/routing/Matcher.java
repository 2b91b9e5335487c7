package org.opencti.acd.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * One routing pass. The rule it implements is simple to state: repeatedly take the highest-scored waiting call that
 * some available agent may take, give it to the agent the call's queue selects, until no such call is left.
 *
 * <p>What makes it cheap is that after a pass no available agent may take any waiting call, and only a few things can
 * change that: an agent becoming available, a call arriving or being moved or put back, a call reaching a new step or
 * the end of its owner window, an owner logging out. So a pass starts from those calls, plus, for each newly
 * available agent, the first call of each queue step they meet; a max-heap orders them by score now. When a call is
 * matched, the next call of its step becomes the candidate of the newly available agents who meet that step. Nothing
 * else is scanned.
 *
 * <p>Under {@link Fairness#QUEUE_PRIORITY_FIRST} an agent is not offered a call while a queue they serve at a better
 * priority has a call for them. Such a call is set aside and looked at again after the next match, since that match
 * may have taken the call that held the agent back.
 */
final class Matcher implements CandidateFilter {
    private final Fairness fairness;
    private final CallBook book;
    private final PriorityQueue<CallNode> heap = new PriorityQueue<>(64, (x, y) -> CallNode.rankAt(x, y, this.nowMs));
    private final ArrayList<AgentNode> dirty = new ArrayList<>();
    private final ArrayList<AgentNode> fresh = new ArrayList<>();
    private final ArrayList<CallNode> deferred = new ArrayList<>();
    private List<Decision> decisions;
    private long nowMs;
    private int gen;

    Matcher(Fairness fairness, CallBook book) {
        this.fairness = fairness;
        this.book = book;
    }

    void markDirty(AgentNode agent) {
        if (!agent.dirty) {
            agent.dirty = true;
            dirty.add(agent);
        }
    }

    List<Decision> route(Instant now) {
        gen++;
        nowMs = now.toEpochMilli();
        book.settle(now, this);
        for (AgentNode a : dirty) {
            a.dirty = false;
            if (a.loggedIn && a.available) {
                fresh.add(a);
                propose(a);
            }
        }
        dirty.clear();
        CallNode c;
        while ((c = heap.poll()) != null) {
            if (!c.waiting) {
                continue;
            }
            c.blockedSeen = false;
            AgentNode agent = select(c);
            if (agent != null) {
                match(c, agent);
            } else if (c.blockedSeen) {
                deferred.add(c);
            }
        }
        fresh.clear();
        deferred.clear();
        List<Decision> out = decisions == null ? List.of() : decisions;
        decisions = null;
        return out;
    }

    /** A call that may have an agent now; each call at most once per pass (set-aside calls come back explicitly). */
    void push(CallNode call) {
        if (call != null && call.pushedGen != gen) {
            call.pushedGen = gen;
            heap.add(call);
        }
    }

    @Override
    public boolean accepts(AgentNode agent, CallNode call) {
        if (call.excludes(agent)) {
            return false;
        }
        if (fairness == Fairness.QUEUE_PRIORITY_FIRST && busierElsewhere(agent, call.queue)) {
            call.blockedSeen = true;
            return false;
        }
        return true;
    }

    private AgentNode select(CallNode c) {
        if (c.restricted) {
            AgentNode owner = c.holder;
            return owner.available && accepts(owner, c) ? owner : null;
        }
        return c.queue.pools.get(c.step).select(c, this);
    }

    private void match(CallNode c, AgentNode agent) {
        QueueState q = c.queue;
        int step = c.step;
        boolean pooled = !c.restricted;
        book.remove(c);
        agent.leavePools();
        if (decisions == null) {
            decisions = new ArrayList<>(4);
        }
        decisions.add(new Decision(c.id, agent.id, q.name, step));
        if (pooled) {
            TreeSet<CallNode> rest = q.poolCalls.get(step);
            for (AgentNode f : fresh) {
                Membership m = f.available ? f.membership(q) : null;
                if (m != null && m.eligibleAt(step)) {
                    push(firstFor(rest, f));
                }
            }
        }
        if (!deferred.isEmpty()) {
            heap.addAll(deferred);
            deferred.clear();
        }
    }

    private void propose(AgentNode a) {
        for (Membership m : a.memberships) {
            for (int s = 0; s < m.proficiency.length; s++) {
                if (m.eligibleAt(s)) {
                    push(firstFor(m.queue.poolCalls.get(s), a));
                }
            }
        }
        if (a.held != null) {
            for (CallNode c : a.held) {
                if (!c.excludes(a)) {
                    push(c);
                }
            }
        }
    }

    /** Whether the agent may take a call of a queue they serve at a better priority than {@code queue}. */
    private boolean busierElsewhere(AgentNode a, QueueState queue) {
        int priority = a.membership(queue).priority;
        for (Membership m : a.memberships) {
            if (m.priority >= priority) {
                return false; // memberships are sorted best priority first
            }
            if (mayTakeAny(a, m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayTakeAny(AgentNode a, Membership m) {
        for (int s = 0; s < m.proficiency.length; s++) {
            if (m.eligibleAt(s) && firstFor(m.queue.poolCalls.get(s), a) != null) {
                return true;
            }
        }
        if (a.held != null) {
            for (CallNode c : a.held) {
                if (c.queue == m.queue && !c.excludes(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The best call of a step's pool set that this agent may take (not one they missed, nor one needing a skill they lack). */
    private static CallNode firstFor(TreeSet<CallNode> calls, AgentNode a) {
        if (calls.isEmpty()) {
            return null;
        }
        CallNode first = calls.first();
        if (!first.refusesSome()) {
            return first;
        }
        for (CallNode c : calls) {
            if (!c.excludes(a)) {
                return c;
            }
        }
        return null;
    }
}

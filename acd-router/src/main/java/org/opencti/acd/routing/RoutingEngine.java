package org.opencti.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Skills-based routing decisions: which waiting call goes to which available agent, and when.
 *
 * <p>Plain Java with no I/O and no clock: every instant is passed in, so the same inputs and the same seeded
 * generator give the same decisions. Not thread-safe: it belongs to the ACD's single owner thread.
 *
 * <p>{@link #route} gives calls in score order (see {@link PriorityWeights}) to the agent their queue's
 * {@link AgentSelection} picks among the available agents who meet the call's current {@link RequirementStep}, and
 * {@link Fairness} says which call an agent serving several queues gets. The ACD calls {@code route} after anything
 * that may allow a match, and again at {@link #nextStepAt} when a call's requirements widen or an owner-first window
 * ends.
 *
 * <p>Built for 10,000 agents: what an agent qualifies for is worked out once at login; each queue step keeps its
 * available qualified agents in the order its selection picks them and its waiting calls by score (a constant key, see
 * {@link PriorityWeights}); a route starts only from what changed since the last one. So the cost of a decision
 * depends on the few queues involved, not on how many agents or calls there are.
 */
public final class RoutingEngine {
    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    private final Map<String, AgentNode> agents = new HashMap<>();
    private final Map<String, DayTally> tallies = new HashMap<>();
    private final CallBook book = new CallBook(agents);
    private final Matcher matcher;
    private long sequence;
    private Instant lastRoute = Instant.MIN;

    public RoutingEngine(List<QueueRules> queues, Fairness fairness, RandomGenerator random) {
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(random, "random");
        for (QueueRules rules : queues) {
            if (this.queues.put(rules.name(), new QueueState(rules, random)) != null) {
                throw new IllegalArgumentException("queue " + rules.name() + " is defined twice");
            }
        }
        this.matcher = new Matcher(fairness, book);
    }

    /** The agent logs in, not yet available. What they qualify for is worked out now, once per session. */
    public void login(AgentEntry entry) {
        if (agents.containsKey(entry.agentId())) {
            throw new IllegalArgumentException("agent " + entry.agentId() + " is already logged in");
        }
        List<Membership> memberships = new ArrayList<>(entry.queuePriorities().size());
        entry.queuePriorities().forEach((name, priority) -> {
            QueueState q = queue(name, "agent " + entry.agentId() + " serves");
            memberships.add(new Membership(q, priority, q.proficiency(entry.skills())));
        });
        // Best priority first; the order matters to nobody's result, only to how soon a priority check can stop.
        memberships.sort((x, y) -> Integer.compare(x.priority, y.priority));
        AgentNode a = new AgentNode(entry.agentId(), entry.weightUnits(), entry.skills(), memberships.toArray(new Membership[0]),
            tallies.computeIfAbsent(entry.agentId(), id -> new DayTally()));
        for (Membership m : a.memberships) {
            m.queue.members++;
            for (AgentPool pool : m.pools) {
                pool.joined(m);
            }
        }
        agents.put(a.id, a);
        book.ownerChanged(a.id);
    }

    /** The agent leaves every queue; calls held for them as account manager go to the pool. */
    public void logout(String agentId) {
        AgentNode a = agent(agentId);
        if (a.available) {
            a.leavePools();
        }
        for (Membership m : a.memberships) {
            m.queue.members--;
            for (AgentPool pool : m.pools) {
                pool.left(m);
            }
        }
        a.loggedIn = false;
        book.ownerChanged(a.id);
        agents.remove(agentId);
    }

    /** The agent can take a call; {@code idleSince} orders them for longest-idle (and breaks the other ties). */
    public void available(String agentId, Instant idleSince) {
        Objects.requireNonNull(idleSince, "idleSince");
        AgentNode a = agent(agentId);
        if (a.available) {
            a.leavePools();
        }
        a.idleSince(idleSince);
        a.enterPools();
        matcher.markDirty(a);
    }

    /** The agent cannot take a call now (offered, talking, wrap-up, not ready). */
    public void unavailable(String agentId) {
        AgentNode a = agent(agentId);
        if (a.available) {
            a.leavePools();
        }
    }

    /**
     * Counts a finished call for fewest-calls and least-talk-time. The agent need not be logged in any more: the
     * count is kept for the day.
     */
    public void handled(String agentId, Duration talkTime) {
        Objects.requireNonNull(agentId, "agentId");
        if (talkTime == null || talkTime.isNegative()) {
            throw new IllegalArgumentException("talk time must not be negative: " + talkTime);
        }
        AgentNode a = agents.get(agentId);
        boolean reindex = a != null && a.available;
        if (reindex) {
            a.leavePools();
        }
        (a != null ? a.tally : tallies.computeIfAbsent(agentId, id -> new DayTally())).add(talkTime);
        if (reindex) {
            a.enterPools();
        }
    }

    /** Resets every agent's calls and talk time; agents not logged in are forgotten. */
    public void startNewDay() {
        List<AgentNode> reindex = new ArrayList<>();
        for (AgentNode a : agents.values()) {
            if (a.available) {
                a.leavePools();
                reindex.add(a);
            }
        }
        tallies.keySet().retainAll(agents.keySet());
        tallies.values().forEach(DayTally::reset);
        reindex.forEach(AgentNode::enterPools);
    }

    public void enqueue(QueuedCall call) {
        add(call, ++sequence);
    }

    /**
     * Puts back a call whose offer was not answered, with its original {@code enteredAt}: it keeps its place, and
     * among calls of equal score and arrival it goes first. See {@link #excludeAgent} to spare the agent who missed it.
     */
    public void requeueAtHead(QueuedCall call) {
        add(call, Long.MIN_VALUE + ++sequence);
    }

    /** The call left (abandoned, answered elsewhere); false if it was not waiting. */
    public boolean remove(String callId) {
        CallNode c = book.get(callId);
        if (c == null) {
            return false;
        }
        book.remove(c);
        return true;
    }

    /** The agent is not offered this call again while it waits; false if the call is not waiting. */
    public boolean excludeAgent(String callId, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        CallNode c = book.get(callId);
        if (c == null) {
            return false;
        }
        c.exclude(agentId);
        return true;
    }

    /** Overflow: the call moves to another queue, keeping its {@code enteredAt} (so its step there is by total wait). */
    public void moveToQueue(String callId, String newQueue) {
        CallNode c = book.get(callId);
        if (c == null) {
            throw new IllegalArgumentException("call " + callId + " is not waiting");
        }
        QueueState to = queue(newQueue, "call " + callId + " moves to");
        if (to != c.queue) {
            book.move(c, to);
        }
    }

    /**
     * Makes every match possible at {@code now}, best-scored calls first; each agent is matched at most once. Matched
     * calls leave their queue and matched agents are no longer available. An instant before the previous route's is
     * taken as that one: the wall clock may step back, but a call's requirements never narrow again.
     */
    public List<Decision> route(Instant now) {
        Objects.requireNonNull(now, "now");
        if (now.isBefore(lastRoute)) {
            now = lastRoute;
        }
        lastRoute = now;
        return matcher.route(now);
    }

    /**
     * The earliest instant after {@code now} when a waiting call reaches a requirement step or the end of its
     * owner-first window (counted for every caller with an account manager, whether or not that agent is logged in):
     * when to route again.
     */
    public Optional<Instant> nextStepAt(Instant now) {
        return Optional.ofNullable(book.nextEventAfter(Objects.requireNonNull(now, "now")));
    }

    public int waiting(String queue) {
        return queue(queue, "waiting in").calls.size();
    }

    public Optional<Instant> oldestEnteredAt(String queue) {
        // a query, not a routing path: a scan of one queue beats keeping a second order up to date on every call
        Instant oldest = null;
        for (CallNode c : queue(queue, "oldest call of").calls) {
            if (oldest == null || c.enteredAt.isBefore(oldest)) {
                oldest = c.enteredAt;
            }
        }
        return Optional.ofNullable(oldest);
    }

    /** 1-based place of the call in its queue's current order, or 0 if it is not waiting. */
    public int positionOf(String callId) {
        CallNode c = book.get(callId);
        return c == null ? 0 : c.queue.calls.headSet(c).size() + 1;
    }

    /** The queue's waiting calls in the order they would be offered. */
    public List<QueuedCall> waitingCalls(String queue) {
        QueueState q = queue(queue, "calls of");
        List<QueuedCall> out = new ArrayList<>(q.calls.size());
        q.calls.forEach(c -> out.add(c.view()));
        return out;
    }

    /** Agents available now who meet the queue's first step. */
    public int availableAgents(String queue) {
        return queue(queue, "agents of").pools.get(0).size();
    }

    public int loggedInAgents(String queue) {
        return queue(queue, "agents of").members;
    }

    private void add(QueuedCall call, long seq) {
        Objects.requireNonNull(call, "call");
        QueueState q = queue(call.queue(), "call " + call.callId() + " is for");
        if (book.get(call.callId()) != null) {
            throw new IllegalArgumentException("call " + call.callId() + " is already waiting");
        }
        book.add(new CallNode(call, seq), q);
    }

    private QueueState queue(String name, String context) {
        QueueState q = queues.get(name);
        if (q == null) {
            throw new IllegalArgumentException(context + " unknown queue " + name);
        }
        return q;
    }

    private AgentNode agent(String agentId) {
        AgentNode a = agents.get(agentId);
        if (a == null) {
            throw new IllegalArgumentException("agent " + agentId + " is not logged in");
        }
        return a;
    }
}

package org.opencti.acd.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Live statistics per queue and per tier, fed by the ACD's events; every event says when it happened, nothing here
 * reads a clock. Each event costs O(1) counter updates (plus O(log n) for the waiting line), rolling figures live in
 * per-minute buckets, and a call is forgotten when it is abandoned or its wrap-up ends, so a day of 100,000 calls
 * keeps only the calls in progress. Not thread-safe: it belongs to the ACD's state owner.
 *
 * <p>Events that do not fit (unknown call, answer of a call not waiting, a second callQueued for a live call, an agent
 * state older than the last one) are ignored and counted in {@link #ignoredEvents}: statistics must never stop the ACD.
 */
public final class QueueStatistics {
    /** The tier of calls queued without one. */
    public static final String DEFAULT_TIER = "default";

    private final ServiceLevelPolicy policy;
    private final int windowMinutes;
    private final Map<String, QueueBook> queues = new HashMap<>();
    private final Map<String, LiveCall> calls = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private long ignoredEvents;

    private static final class Agent {
        Set<String> queues = Set.of();
        String state;
        Instant since;
    }

    /** Per-tier targets, 80% for tiers without a percentage, 5-second short abandons. */
    public QueueStatistics(Map<String, Duration> serviceLevelTargetByTier, Duration defaultTarget,
                           Map<String, Double> targetPercentByTier, Duration window) {
        this(ServiceLevelPolicy.of(serviceLevelTargetByTier, defaultTarget, targetPercentByTier), window);
    }

    /** {@code window} is rounded up to whole minutes, the size of a bucket. */
    public QueueStatistics(ServiceLevelPolicy policy, Duration window) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (window.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the rolling window must be at least a minute, got " + window);
        }
        this.windowMinutes = (int) ((window.toSeconds() + 59) / 60);
    }

    public ServiceLevelPolicy policy() {
        return policy;
    }

    public void callQueued(String callId, String queue, String tier, Instant at) {
        if (calls.containsKey(callId)) {
            ignoredEvents++;
            return;
        }
        LiveCall call = new LiveCall(callId, queue, tier == null || tier.isBlank() ? DEFAULT_TIER : tier, at);
        calls.put(callId, call);
        enter(call, at);
    }

    public void callAnswered(String callId, Instant at) {
        LiveCall call = inStage(callId, LiveCall.Stage.WAITING);
        if (call == null) {
            return;
        }
        book(call.queue).stopWaiting(call);
        call.stage = LiveCall.Stage.TALKING;
        call.answeredAt = at;
        long waited = millisBetween(call.enteredAt, at);
        boolean withinTarget = waited <= policy.target(call.tier).toMillis();
        record(call, at, c -> {
            c.answered++;
            c.answerWaitMillis += waited;
            if (withinTarget) {
                c.answeredWithinTarget++;
            }
        });
    }

    /** The caller hung up while waiting (or while an agent's phone rang). */
    public void callAbandoned(String callId, Instant at) {
        LiveCall call = inStage(callId, LiveCall.Stage.WAITING);
        if (call == null) {
            return;
        }
        book(call.queue).stopWaiting(call);
        calls.remove(callId);
        boolean shortAbandon = policy.isShortAbandon(Duration.ofMillis(millisBetween(call.enteredAt, at)));
        record(call, at, c -> {
            if (shortAbandon) {
                c.shortAbandoned++;
            } else {
                c.abandoned++;
            }
        });
    }

    /** Leaves its queue (counted there as overflowed out) and is offered to {@code toQueue}, keeping its entry time. */
    public void callOverflowed(String callId, String toQueue, Instant at) {
        LiveCall call = inStage(callId, LiveCall.Stage.WAITING);
        if (call == null) {
            return;
        }
        book(call.queue).stopWaiting(call);
        record(call, at, c -> c.overflowedOut++);
        call.queue = toQueue;
        enter(call, at);
    }

    /** Talk is over; the agent's wrap-up starts. */
    public void callEnded(String callId, Instant at) {
        LiveCall call = inStage(callId, LiveCall.Stage.TALKING);
        if (call == null) {
            return;
        }
        call.stage = LiveCall.Stage.WRAP_UP;
        call.endedAt = at;
    }

    /** The agent's wrap-up for this call ended (call it at once for queues without wrap-up); the call is forgotten. */
    public void wrapUpEnded(String callId, Instant at) {
        LiveCall call = calls.get(callId);
        if (call == null || call.stage == LiveCall.Stage.WAITING) {
            ignoredEvents++;
            return;
        }
        calls.remove(callId);
        long talk = millisBetween(call.answeredAt, call.endedAt != null ? call.endedAt : at);
        long handle = millisBetween(call.answeredAt, at);
        record(call, at, c -> {
            c.handled++;
            c.talkMillis += talk;
            c.handleMillis += handle;
        });
    }

    /** The queues whose snapshots count this agent; replaces the previous set. */
    public void agentQueues(String agentId, Set<String> queues) {
        agents.computeIfAbsent(agentId, id -> new Agent()).queues = Set.copyOf(queues);
    }

    /** Any state string (READY, ON_CALL, WRAP_UP, NOT_READY...); one older than the agent's last is ignored. */
    public void agentState(String agentId, String state, Instant at) {
        Agent agent = agents.computeIfAbsent(agentId, id -> new Agent());
        if (agent.since != null && at.isBefore(agent.since)) {
            ignoredEvents++;
            return;
        }
        agent.state = Objects.requireNonNull(state, "state");
        agent.since = at;
    }

    /** The agent left the configuration. */
    public void agentRemoved(String agentId) {
        agents.remove(agentId);
    }

    /** Resets today's counters; rolling windows, waiting calls and agents carry on. */
    public void startNewDay() {
        queues.values().forEach(QueueBook::startNewDay);
    }

    public QueueSnapshot snapshot(String queue, Instant now) {
        Map<String, Integer> byState = new TreeMap<>();
        for (Agent a : agents.values()) {
            if (a.state != null && a.queues.contains(queue)) {
                byState.merge(a.state, 1, Integer::sum);
            }
        }
        QueueBook book = queues.get(queue);
        return (book != null ? book : new QueueBook(1)).snapshot(queue, now, policy, byState);
    }

    /** The queue's average handle time over the rolling window, or today if the window has no handled call. */
    public Optional<Duration> recentHandleTime(String queue, Instant now) {
        QueueBook book = queues.get(queue);
        return book == null ? Optional.empty() : book.recentFigures(now).averageHandleTime();
    }

    /**
     * The wait of the caller at {@code position} (1 = next), by {@link ExpectedWait#estimate} with the queue's recent
     * handle time; empty when no agent is serving the queue or no call has been handled yet to learn from.
     */
    public Optional<Duration> expectedWait(String queue, int position, int agentsServing, Instant now) {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, got " + position);
        }
        if (agentsServing <= 0) {
            return Optional.empty();
        }
        return recentHandleTime(queue, now).map(aht -> ExpectedWait.estimate(position, agentsServing, aht));
    }

    /** Calls remembered now: those waiting, talking or in wrap-up. */
    public int liveCalls() {
        return calls.size();
    }

    public long ignoredEvents() {
        return ignoredEvents;
    }

    private void enter(LiveCall call, Instant at) {
        book(call.queue).startWaiting(call);
        record(call, at, c -> c.offered++);
    }

    private void record(LiveCall call, Instant at, Consumer<Counts> change) {
        book(call.queue).record(call.tier, at, change);
    }

    private QueueBook book(String queue) {
        return queues.computeIfAbsent(queue, q -> new QueueBook(windowMinutes));
    }

    private LiveCall inStage(String callId, LiveCall.Stage stage) {
        LiveCall call = calls.get(callId);
        if (call == null || call.stage != stage) {
            ignoredEvents++;
            return null;
        }
        return call;
    }

    /** Never negative: an event stamped a little before the one it follows must not subtract time. */
    private static long millisBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}

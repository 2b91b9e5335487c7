package org.opencti.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The routing rule written the obvious way, to check {@link RoutingEngine} against: no indexes, every decision scans
 * every call and every agent. Repeatedly: the best-scored call that any agent may take goes to the agent its queue
 * selects. Tests only.
 */
final class BruteForceRouter {
    private static final class Agent {
        final AgentEntry entry;
        boolean available;
        Instant idleSince = Instant.MIN;

        Agent(AgentEntry entry) {
            this.entry = entry;
        }
    }

    private static final class Tally {
        int calls;
        Duration talk = Duration.ZERO;
    }

    private static final class Call {
        final QueuedCall call;
        final long seq;
        final Set<String> excluded = new HashSet<>();
        String queue;

        Call(QueuedCall call, long seq) {
            this.call = call;
            this.seq = seq;
            this.queue = call.queue();
        }
    }

    private final Map<String, QueueRules> queues = new LinkedHashMap<>();
    private final Fairness fairness;
    private final RandomGenerator random;
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, String> lastPicked = new HashMap<>();
    private long sequence;
    private Instant lastRoute = Instant.MIN;

    BruteForceRouter(List<QueueRules> queues, Fairness fairness, RandomGenerator random) {
        queues.forEach(q -> this.queues.put(q.name(), q));
        this.fairness = fairness;
        this.random = random;
    }

    void login(AgentEntry entry) {
        agents.put(entry.agentId(), new Agent(entry));
        tallies.computeIfAbsent(entry.agentId(), id -> new Tally());
    }

    void logout(String agentId) {
        agents.remove(agentId);
    }

    void available(String agentId, Instant idleSince) {
        agents.get(agentId).available = true;
        agents.get(agentId).idleSince = idleSince;
    }

    void unavailable(String agentId) {
        agents.get(agentId).available = false;
    }

    void handled(String agentId, Duration talk) {
        Tally t = tallies.computeIfAbsent(agentId, id -> new Tally());
        t.calls++;
        t.talk = t.talk.plus(talk);
    }

    void startNewDay() {
        tallies.keySet().retainAll(agents.keySet());
        tallies.replaceAll((id, t) -> new Tally());
    }

    void enqueue(QueuedCall call) {
        calls.put(call.callId(), new Call(call, ++sequence));
    }

    void requeueAtHead(QueuedCall call) {
        calls.put(call.callId(), new Call(call, Long.MIN_VALUE + ++sequence));
    }

    boolean remove(String callId) {
        return calls.remove(callId) != null;
    }

    boolean excludeAgent(String callId, String agentId) {
        Call c = calls.get(callId);
        if (c == null) {
            return false;
        }
        c.excluded.add(agentId);
        return true;
    }

    void moveToQueue(String callId, String queue) {
        calls.get(callId).queue = queue;
    }

    List<String> callIds() {
        return new ArrayList<>(calls.keySet());
    }

    List<Decision> route(Instant at) {
        Instant now = at.isBefore(lastRoute) ? lastRoute : at;
        lastRoute = now;
        List<Decision> out = new ArrayList<>();
        boolean matched = true;
        while (matched) {
            matched = false;
            List<Call> order = new ArrayList<>(calls.values());
            order.sort(byScoreAt(now));
            for (Call c : order) {
                List<Agent> candidates = new ArrayList<>();
                for (Agent a : sortedAgents()) {
                    if (mayTake(a, c, now) && !busierElsewhere(a, c.queue, now)) {
                        candidates.add(a);
                    }
                }
                if (!candidates.isEmpty()) {
                    Agent a = select(c, candidates, now);
                    calls.remove(c.call.callId());
                    a.available = false;
                    out.add(new Decision(c.call.callId(), a.entry.agentId(), c.queue, step(c, now)));
                    matched = true;
                    break;
                }
            }
        }
        return out;
    }

    Optional<Instant> nextStepAt(Instant now) {
        Instant best = null;
        for (Call c : calls.values()) {
            QueueRules q = queues.get(c.queue);
            for (RequirementStep s : q.steps()) {
                Instant start = c.call.enteredAt().plus(s.after());
                if (start.isAfter(now) && (best == null || start.isBefore(best))) {
                    best = start;
                }
            }
            Instant skillsEnd = c.call.skills().until();
            if (skillsEnd != null && skillsEnd.isAfter(now) && (best == null || skillsEnd.isBefore(best))) {
                best = skillsEnd;
            }
            if (q.ownerFirstFor() != null && c.call.caller().accountManagerId() != null) {
                Instant end = c.call.enteredAt().plus(q.ownerFirstFor());
                if (end.isAfter(now) && (best == null || end.isBefore(best))) {
                    best = end;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    int waiting(String queue) {
        return inQueue(queue).size();
    }

    List<String> waitingIds(String queue) {
        return inQueue(queue).stream().map(c -> c.call.callId()).toList();
    }

    int positionOf(String callId) {
        Call c = calls.get(callId);
        return c == null ? 0 : inQueue(c.queue).indexOf(c) + 1;
    }

    Optional<Instant> oldestEnteredAt(String queue) {
        return inQueue(queue).stream().map(c -> c.call.enteredAt()).min(Comparator.naturalOrder());
    }

    int availableAgents(String queue) {
        int n = 0;
        for (Agent a : agents.values()) {
            if (a.available && a.entry.queuePriorities().containsKey(queue)
                && queues.get(queue).steps().get(0).metBy(a.entry.skills())) {
                n++;
            }
        }
        return n;
    }

    int loggedInAgents(String queue) {
        return (int) agents.values().stream().filter(a -> a.entry.queuePriorities().containsKey(queue)).count();
    }

    private List<Call> inQueue(String queue) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls.values()) {
            if (c.queue.equals(queue)) {
                out.add(c);
            }
        }
        out.sort(byScoreAt(Instant.EPOCH)); // within a queue the order is the same at any instant
        return out;
    }

    private List<Agent> sortedAgents() {
        List<Agent> all = new ArrayList<>(agents.values());
        all.sort(Comparator.comparing(a -> a.entry.agentId()));
        return all;
    }

    private Comparator<Call> byScoreAt(Instant now) {
        long nowMs = now.toEpochMilli();
        return Comparator.comparingLong((Call c) -> -score(c, nowMs))
            .thenComparing(c -> c.call.enteredAt())
            .thenComparingLong(c -> c.seq);
    }

    private long score(Call c, long nowMs) {
        PriorityWeights w = queues.get(c.queue).weights();
        return w.fixedMicros(c.call.caller()) + w.microsPerMilli() * (nowMs - c.call.enteredAt().toEpochMilli());
    }

    private int step(Call c, Instant now) {
        List<RequirementStep> steps = queues.get(c.queue).steps();
        int s = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (!now.isBefore(c.call.enteredAt().plus(steps.get(i).after()))) {
                s = i;
            }
        }
        return s;
    }

    /** The owner the call waits for at {@code now}, or null when the pool may take it. */
    private Agent holder(Call c, Instant now) {
        QueueRules q = queues.get(c.queue);
        String owner = c.call.caller().accountManagerId();
        if (q.ownerFirstFor() == null || owner == null || !now.isBefore(c.call.enteredAt().plus(q.ownerFirstFor()))) {
            return null;
        }
        Agent a = agents.get(owner);
        return a != null && a.entry.queuePriorities().containsKey(c.queue) ? a : null;
    }

    private boolean mayTake(Agent a, Call c, Instant now) {
        if (!a.available || !a.entry.queuePriorities().containsKey(c.queue) || c.excluded.contains(a.entry.agentId())) {
            return false;
        }
        if (c.call.skills().activeAt(now) && !c.call.skills().metBy(a.entry.skills())) {
            return false;
        }
        Agent holder = holder(c, now);
        return holder != null ? holder == a : queues.get(c.queue).steps().get(step(c, now)).metBy(a.entry.skills());
    }

    private boolean busierElsewhere(Agent a, String queue, Instant now) {
        if (fairness != Fairness.QUEUE_PRIORITY_FIRST) {
            return false;
        }
        int mine = a.entry.queuePriorities().get(queue);
        for (Call other : calls.values()) {
            Integer p = a.entry.queuePriorities().get(other.queue);
            if (p != null && p < mine && mayTake(a, other, now)) {
                return true;
            }
        }
        return false;
    }

    private Agent select(Call c, List<Agent> candidates, Instant now) {
        if (holder(c, now) != null) {
            return candidates.get(0);
        }
        QueueRules q = queues.get(c.queue);
        RequirementStep step = q.steps().get(step(c, now));
        Comparator<Agent> longestIdle = Comparator.comparing((Agent a) -> a.idleSince).thenComparing(a -> a.entry.agentId());
        switch (q.selection()) {
            case LONGEST_IDLE:
                return candidates.stream().min(longestIdle).orElseThrow();
            case FEWEST_CALLS:
                return candidates.stream().min(Comparator.comparingInt((Agent a) -> tallies.get(a.entry.agentId()).calls)
                    .thenComparing(longestIdle)).orElseThrow();
            case LEAST_TALK_TIME:
                return candidates.stream().min(Comparator.comparing((Agent a) -> tallies.get(a.entry.agentId()).talk)
                    .thenComparing(longestIdle)).orElseThrow();
            case BEST_PROFICIENCY:
                return candidates.stream().min(Comparator.comparingInt((Agent a) -> -step.proficiency(a.entry.skills()))
                    .thenComparing(longestIdle)).orElseThrow();
            case ROUND_ROBIN:
                String last = lastPicked.get(q.name());
                Agent pick = candidates.stream().filter(a -> last == null || a.entry.agentId().compareTo(last) > 0).findFirst()
                    .orElse(candidates.get(0));
                lastPicked.put(q.name(), pick.entry.agentId());
                return pick;
            case WEIGHTED_RANDOM:
                return weighted(c, candidates, step);
            default:
                throw new IllegalStateException();
        }
    }

    /** Draws among every available agent who meets the step, in id order; one refused for this call is set aside. */
    private Agent weighted(Call c, List<Agent> candidates, RequirementStep step) {
        List<Agent> pool = new ArrayList<>();
        for (Agent a : sortedAgents()) {
            if (a.available && a.entry.queuePriorities().containsKey(c.queue) && step.metBy(a.entry.skills())) {
                pool.add(a);
            }
        }
        while (true) {
            long total = 0;
            for (Agent a : pool) {
                total += a.entry.weightUnits();
            }
            long r = random.nextLong(total);
            Agent drawn = null;
            long sum = 0;
            for (Agent a : pool) {
                sum += a.entry.weightUnits();
                if (sum > r) {
                    drawn = a;
                    break;
                }
            }
            if (candidates.contains(drawn)) {
                return drawn;
            }
            pool.remove(drawn);
        }
    }
}

package org.opencti.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.opencti.acd.SkillRequirement;
import org.opencti.acd.routing.AgentEntry;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.CallerProfile;
import org.opencti.acd.routing.Decision;
import org.opencti.acd.routing.Fairness;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.QueuedCall;
import org.opencti.acd.routing.RequirementStep;
import org.opencti.acd.routing.RoutingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Skills-based routing at contact-centre scale: 10,000 logged-in agents (random levels in 50 skills, each serving 2-5
 * of 200 queues at priorities 1..n), queues with 1-3 requirement steps and all six selections, some with owner-first
 * windows. One operation is one churn step and its routing: an agent finishes a call and becomes available, a call
 * arrives, {@code route}, the matched agents become busy; every fourth operation one more agent frees up and another
 * goes on a break; calls over a cap abandon. {@code AGENTS_IDLE}: about half the agents are free and calls are
 * answered at once; {@code CALLS_WAITING}: agents are scarce and about 2,000 calls wait, so a free agent looks for the
 * best call of their queues. Sample mode prints the percentiles of one operation (goal: p99 of at most 10 us).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RoutingDecisionBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s};
 * the engine's heap: {@code java -cp benchmarks/target/benchmarks.jar org.opencti.bench.RoutingDecisionBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RoutingDecisionBenchmark {
    static final int AGENTS = 10_000;
    static final int QUEUES = 200;
    static final int SKILLS = 50;
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final CallerProfile[] CALLERS = {
        new CallerProfile("Bronze", false, false, null, 0), new CallerProfile("Silver", false, false, null, 0),
        new CallerProfile("Gold", false, false, null, 0), new CallerProfile("Bronze", true, false, null, 0),
        new CallerProfile("Silver", false, true, null, 25)};

    @Param({"OLDEST_CALL_FIRST", "QUEUE_PRIORITY_FIRST"})
    public String fairness;
    @Param({"AGENTS_IDLE", "CALLS_WAITING"})
    public String load;

    private RoutingEngine engine;
    private SplittableRandom rnd;
    private String[] ids;
    private Pool busy;
    private Pool free;
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private int waitingCap;
    private Instant now = START;
    private long calls;
    private long ops;
    private long decisions;

    @Setup(Level.Trial)
    public void setUp() {
        rnd = new SplittableRandom(7);
        List<AgentEntry> agents = agents(rnd);
        engine = new RoutingEngine(queues(rnd), Fairness.valueOf(fairness), new SplittableRandom(11));
        ids = new String[AGENTS];
        busy = new Pool(AGENTS);
        free = new Pool(AGENTS);
        boolean scarce = load.equals("CALLS_WAITING");
        for (int i = 0; i < AGENTS; i++) {
            ids[i] = agents.get(i).agentId();
            engine.login(agents.get(i));
            busy.add(i);
        }
        int available = scarce ? AGENTS / 20 : AGENTS / 2;
        for (int i = 0; i < available; i++) {
            makeAvailable();
        }
        waitingCap = scarce ? 2_000 : 500;
        for (int i = 0; i < (scarce ? 2_500 : 0); i++) {
            arrive();
        }
        settle(engine.route(now));
        ops = 0;
        decisions = 0;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[%s/%s] %,d operations, %.2f decisions per operation, %,d calls waiting, %,d agents available%n",
            fairness, load, ops, decisions / (double) Math.max(1, ops), waiting.size(), free.size);
    }

    @Benchmark
    public List<Decision> churnAndRoute() {
        churn();
        return routeAndSettle();
    }

    /** The state changes before a routing pass: agents freed or going on a break, a call arriving. */
    void churn() {
        ops++;
        now = now.plusMillis(20);
        makeAvailable();
        if ((ops & 3) == 0) {
            makeAvailable();
            int breakTaker = free.take(rnd);
            engine.unavailable(ids[breakTaker]);
            busy.add(breakTaker);
        }
        arrive();
    }

    /** One routing pass, then the matched agents go busy and calls over the cap abandon. */
    List<Decision> routeAndSettle() {
        List<Decision> made = engine.route(now);
        settle(made);
        if (waiting.size() > waitingCap) {
            Iterator<String> oldest = waiting.iterator();
            engine.remove(oldest.next());
            oldest.remove();
        }
        return made;
    }

    private void makeAvailable() {
        int i = busy.take(rnd);
        engine.handled(ids[i], Duration.ofSeconds(30 + rnd.nextInt(300)));
        engine.available(ids[i], now);
        free.add(i);
    }

    private void arrive() {
        String id = "call-" + calls++;
        CallerProfile caller = CALLERS[rnd.nextInt(CALLERS.length)];
        if (rnd.nextInt(10) == 0) {
            caller = new CallerProfile(caller.tier(), caller.vip(), caller.churnRisk(), ids[rnd.nextInt(AGENTS)], 0);
        }
        engine.enqueue(new QueuedCall(id, "queue-" + rnd.nextInt(QUEUES), now, caller));
        waiting.add(id);
    }

    private void settle(List<Decision> made) {
        for (Decision d : made) {
            int i = Integer.parseInt(d.agentId(), 6, d.agentId().length(), 10);
            free.remove(i);
            busy.add(i);
            waiting.remove(d.callId());
        }
        decisions += made.size();
    }

    /** 200 queues: requirements on the queue's two skills, widening over 1-3 steps; all selections; some owner-first. */
    static List<QueueRules> queues(SplittableRandom rnd) {
        PriorityWeights weights = new PriorityWeights(Map.of("Gold", 300.0, "Silver", 150.0, "Bronze", 0.0), 200, 100, 1);
        List<QueueRules> out = new ArrayList<>(QUEUES);
        for (int q = 0; q < QUEUES; q++) {
            String a = skill(primary(q));
            String b = skill(secondary(q));
            List<RequirementStep> steps = new ArrayList<>();
            steps.add(RequirementStep.of(Duration.ZERO, new SkillRequirement(a, 4 + rnd.nextInt(4)),
                new SkillRequirement(b, 3 + rnd.nextInt(3))));
            int more = rnd.nextInt(3);
            if (more >= 1) {
                steps.add(RequirementStep.anyOf(Duration.ofSeconds(20), List.of(new SkillRequirement(a, 3)),
                    List.of(new SkillRequirement(b, 6))));
            }
            if (more == 2) {
                steps.add(RequirementStep.of(Duration.ofSeconds(60), new SkillRequirement(a, 1)));
            }
            AgentSelection selection = AgentSelection.values()[q % AgentSelection.values().length];
            out.add(new QueueRules("queue-" + q, steps, selection, q % 10 == 0 ? Duration.ofSeconds(20) : null, weights));
        }
        return out;
    }

    /** 10,000 agents: 2-5 queues each, trained in those queues' skills, plus 3-8 other skills. */
    static List<AgentEntry> agents(SplittableRandom rnd) {
        List<AgentEntry> out = new ArrayList<>(AGENTS);
        for (int i = 0; i < AGENTS; i++) {
            Map<String, Integer> skills = new HashMap<>();
            int extra = 3 + rnd.nextInt(6);
            for (int k = 0; k < extra; k++) {
                skills.put(skill(rnd.nextInt(SKILLS)), 1 + rnd.nextInt(10));
            }
            Map<String, Integer> queues = new HashMap<>();
            int n = 2 + rnd.nextInt(4);
            while (queues.size() < n) {
                int q = rnd.nextInt(QUEUES);
                queues.put("queue-" + q, queues.size() + 1);
                skills.put(skill(primary(q)), 3 + rnd.nextInt(8));
                skills.put(skill(secondary(q)), 2 + rnd.nextInt(9));
            }
            out.add(new AgentEntry(String.format("agent-%05d", i), skills, queues, 0.5 + rnd.nextInt(6) / 2.0));
        }
        return out;
    }

    private static int primary(int queue) {
        return queue % SKILLS;
    }

    private static int secondary(int queue) {
        return (queue * 7 + 3) % SKILLS;
    }

    private static String skill(int s) {
        return "skill-" + s;
    }

    /** Agent indexes with O(1) add, remove and random take. */
    private static final class Pool {
        private final int[] items;
        private final int[] position;
        private int size;

        Pool(int capacity) {
            items = new int[capacity];
            position = new int[capacity];
            Arrays.fill(position, -1);
        }

        void add(int i) {
            position[i] = size;
            items[size++] = i;
        }

        void remove(int i) {
            int p = position[i];
            int last = items[--size];
            items[p] = last;
            position[last] = p;
            position[i] = -1;
        }

        int take(SplittableRandom rnd) {
            int i = items[rnd.nextInt(size)];
            remove(i);
            return i;
        }
    }

    /** Prints the heap the engine holds for 10,000 logged-in agents (half available), then with 2,000 calls waiting. */
    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<QueueRules> queues = queues(rnd);
        List<AgentEntry> agents = agents(rnd);
        List<QueuedCall> waitingCalls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            waitingCalls.add(new QueuedCall("call-" + i, "queue-" + rnd.nextInt(QUEUES), START, CALLERS[i % CALLERS.length]));
        }
        long before = usedAfterGc();
        RoutingEngine engine = new RoutingEngine(queues, Fairness.OLDEST_CALL_FIRST, new SplittableRandom(11));
        for (int i = 0; i < AGENTS; i++) {
            engine.login(agents.get(i));
            if (i % 2 == 0) {
                engine.available(agents.get(i).agentId(), START);
            }
        }
        long agentsOnly = usedAfterGc();
        for (int i = 0; i < AGENTS; i += 2) {
            engine.unavailable(agents.get(i).agentId());
        }
        waitingCalls.forEach(engine::enqueue);
        engine.route(START.plusSeconds(30));
        long after = usedAfterGc();
        System.out.printf("router state for 10,000 agents (half available): %.1f MB; all busy with %,d calls waiting: %.1f MB%n",
            (agentsOnly - before) / 1e6, waitingCalls.size(), (after - before) / 1e6);
        Reference.reachabilityFence(engine);
        Reference.reachabilityFence(agents);
        Reference.reachabilityFence(waitingCalls);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

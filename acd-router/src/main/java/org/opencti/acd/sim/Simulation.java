package org.opencti.acd.sim;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.opencti.acd.AcdPorts;
import org.opencti.acd.AcdService;
import org.opencti.acd.AcdSettings;
import org.opencti.acd.AcdSetup;
import org.opencti.acd.AgentProfile;
import org.opencti.acd.QueueSetup;
import org.opencti.acd.SkillRequirement;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/**
 * A discrete-event simulation of a contact centre that runs the real ACD ({@link AcdService} and its router) on virtual
 * time: a {@link ManualScheduler} is both the clock and the event list, the ACD's owner runs work inline, the PBX is
 * {@link SimulatedPbx}, and the screen pop looks callers up in an in-memory directory on the same thread. A day of a
 * large centre runs in seconds, and the same scenario and seed always give the same report.
 *
 * <p>Each caller arrives (Poisson, at the rate of the queue's current interval), waits in the hold context until the ACD
 * bridges them to an agent or their patience runs out, talks for their handle time and hangs up; the ACD then puts the
 * agent through the queue's wrap-up and makes them ready again.
 */
public final class Simulation {
    /** Caller numbers per tier that belong to customers, so the pop finds them (and shows their tier). */
    private static final int CUSTOMERS_PER_TIER = 1000;
    /** Channel variable with the caller's tier, for routing that wants it before the pop. */
    static final String TIER_VARIABLE = "CTI_TIER";
    /** How long calls still in progress at the end may take before the run gives up on them. */
    private static final Duration MAX_DRAIN = Duration.ofHours(12);

    private final Scenario scenario;
    private final ManualScheduler time;
    private final Instant start;
    private final long warmUpNanos;
    private final long endNanos;
    private final SimulatedPbx pbx;
    private final AgentLedger ledger;
    private final AcdService acd;
    private final List<QueueRun> queues = new ArrayList<>();
    private final Map<String, Tally> tiers = new LinkedHashMap<>();
    private final Tally total = new Tally("All", null);
    private final Map<String, Call> live = new HashMap<>();
    private final SplittableRandom numbers;
    private long callsSimulated;

    /** One caller's story so far. */
    private static final class Call {
        final QueueRun queue;
        final String tier;
        final long arrived;
        final double talkSeconds;
        long answered = -1;

        Call(QueueRun queue, String tier, long arrived, double talkSeconds) {
            this.queue = queue;
            this.tier = tier;
            this.arrived = arrived;
            this.talkSeconds = talkSeconds;
        }
    }

    /** A queue's arrival process and the random streams of its callers. */
    private static final class QueueRun {
        final Scenario.Queue spec;
        final Tally tally;
        final RandomGenerator arrivals;
        final RandomGenerator callers;

        QueueRun(Scenario.Queue spec, RandomGenerator arrivals, RandomGenerator callers) {
            this.spec = spec;
            this.tally = new Tally(spec.name(), spec.serviceLevelTarget());
            this.arrivals = arrivals;
            this.callers = callers;
        }

        /** The next arrival after {@code after} (seconds from the start), or infinity when the last interval is over. */
        double nextArrival(double after) {
            double length = spec.interval().toSeconds();
            double t = after;
            while (true) {
                int index = (int) Math.floor(t / length);
                if (index >= spec.callsPerHour().size()) {
                    return Double.POSITIVE_INFINITY;
                }
                double rate = spec.callsPerHour().get(index) / 3600.0;
                double end = (index + 1) * length;
                if (rate > 0) {
                    // Exponential gaps are memoryless, so a gap that runs past the interval restarts at its end.
                    double next = t + arrivals.nextExponential() / rate;
                    if (next < end) {
                        return next;
                    }
                }
                t = end;
            }
        }
    }

    private Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.start = scenario.start();
        this.time = new ManualScheduler(start);
        this.warmUpNanos = scenario.warmUp().toNanos();
        this.endNanos = scenario.duration().toNanos();
        // One master seed, split in a fixed order: each queue's arrivals and callers are streams of their own, so a
        // change to one queue leaves the others' callers as they were.
        SplittableRandom master = new SplittableRandom(scenario.seed());
        for (Scenario.Queue q : scenario.queues()) {
            queues.add(new QueueRun(q, master.split(), master.split()));
        }
        this.numbers = master.split();
        for (String tier : Scenario.TIERS) {
            tiers.put(tier, new Tally(tier, null));
        }
        tiers.put(Scenario.UNKNOWN_TIER, new Tally(Scenario.UNKNOWN_TIER, null));

        AcdSettings settings = AcdSettings.standard(scenario.queues().get(0).name());
        this.pbx = new SimulatedPbx(time, scenario.agentAnswerDelay(), settings.holdContext(), new SimulatedPbx.Observer() {
            @Override
            public void bridged(String callerUniqueId) {
                callerBridged(callerUniqueId);
            }

            @Override
            public void callerDroppedByAcd(String callerUniqueId) {
                Call call = live.get(callerUniqueId);
                if (call != null) {
                    finish(callerUniqueId, call, call.answered >= 0 ? Tally.Outcome.ANSWERED : Tally.Outcome.UNSERVED);
                }
            }
        });
        this.ledger = new AgentLedger(time, this::nanos, warmUpNanos, endNanos);
        List<AgentProfile> profiles = new ArrayList<>();
        for (Scenario.AgentGroup g : scenario.agents()) {
            for (String id : g.ids()) {
                profiles.add(new AgentProfile(id, id, g.name(), "Local/" + id + "@agents", g.skills()));
                ledger.addAgent(id, g.name());
            }
        }
        List<QueueSetup> routing = new ArrayList<>();
        for (Scenario.Queue q : scenario.queues()) {
            List<SkillRequirement> needs = new ArrayList<>();
            q.skills().forEach((skill, level) -> needs.add(new SkillRequirement(skill, level)));
            needs.sort((a, b) -> a.skill().compareTo(b.skill()));
            routing.add(QueueSetup.simple(q.name(), needs, q.wrapUp(), q.ringTimeout()));
        }
        InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        for (int t = 0; t < Scenario.TIERS.size(); t++) {
            for (int k = 0; k < CUSTOMERS_PER_TIER; k++) {
                directory.save(new Customer(0, null, "Caller" + k, Scenario.TIERS.get(t), Scenario.TIERS.get(t), null,
                    List.of(number(t + 1, k))));
            }
        }
        // No meters are read here: a registry without children makes every meter a no-op, which keeps the run fast.
        CompositeMeterRegistry meters = new CompositeMeterRegistry();
        // The lookup runs inline, so the pop is ready before the agent leg is originated and adds no virtual time.
        ScreenPopService pops = new ScreenPopService(directory, new PhoneNumbers("US"), Runnable::run, Duration.ofSeconds(1), meters);
        AcdPorts ports = new AcdPorts(pbx, pops, ledger, new NoStore(), new NoHistory(), Runnable::run);
        this.acd = new AcdService(AcdSetup.simple(settings, routing, profiles), ports, SingleWriter.inline(), time, meters);
        ledger.attach(acd);
        pbx.addListener(acd);
    }

    /**
     * Runs the scenario to the end of its period, plays out the calls still in progress, and reports.
     * Single-threaded and deterministic: the same scenario (and seed) gives an equal report.
     */
    public static SimulationReport run(Scenario scenario) {
        return new Simulation(scenario).execute();
    }

    private SimulationReport execute() {
        for (Scenario.AgentGroup g : scenario.agents()) {
            for (String id : g.ids()) {
                at(g.shiftStart().toNanos(), () -> ledger.shiftStarts(id));
                if (g.shiftEnd() != null) {
                    at(g.shiftEnd().toNanos(), () -> ledger.shiftEnds(id));
                }
            }
        }
        for (QueueRun q : queues) {
            scheduleArrival(q, 0);
        }
        time.advance(scenario.duration());
        Duration drained = Duration.ZERO;
        while (!live.isEmpty() && drained.compareTo(MAX_DRAIN) < 0) {
            time.advance(Duration.ofMinutes(1));
            drained = drained.plusMinutes(1);
        }
        for (Map.Entry<String, Call> e : new ArrayList<>(live.entrySet())) {
            finish(e.getKey(), e.getValue(), e.getValue().answered >= 0 ? Tally.Outcome.ANSWERED : Tally.Outcome.UNSERVED);
        }
        List<SimulationReport.Row> queueRows = queues.stream().map(q -> q.tally.row()).toList();
        List<SimulationReport.Row> tierRows = tiers.values().stream().map(Tally::row).filter(r -> r.offered() > 0).toList();
        return new SimulationReport(scenario.name(), start, scenario.duration(), scenario.warmUp(), scenario.seed(), callsSimulated,
            queueRows, tierRows, total.row(), ledger.groups());
    }

    private long nanos() {
        return Duration.between(start, time.now()).toNanos();
    }

    private void at(long offsetNanos, Runnable task) {
        time.schedule(Duration.ofNanos(Math.max(0, offsetNanos - nanos())), task);
    }

    private void scheduleArrival(QueueRun q, double afterSeconds) {
        double next = q.nextArrival(afterSeconds);
        if (next * 1e9 < endNanos) {
            at(Math.round(next * 1e9), () -> arrive(q, next));
        }
    }

    private void arrive(QueueRun q, double atSeconds) {
        RandomGenerator r = q.callers;
        String tier = drawTier(q.spec.tierMix(), r.nextDouble());
        int tierIndex = Scenario.TIERS.indexOf(tier) + 1;
        String number = number(tierIndex, numbers.nextInt(CUSTOMERS_PER_TIER));
        double patience = q.spec.patience().sample(r);
        double talk = q.spec.handleTime().sample(r);
        long now = nanos();
        String uid = "caller." + (++callsSimulated);
        Call call = new Call(q, tier, now, talk);
        live.put(uid, call);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CTI_QUEUE", q.spec.name());
        if (tierIndex > 0) {
            variables.put(TIER_VARIABLE, tier);
        }
        if (Double.isFinite(patience)) {
            time.schedule(YamlFields.seconds(patience), () -> {
                if (call.answered < 0 && pbx.callerHangsUp(uid)) {
                    finish(uid, call, Tally.Outcome.ABANDONED);
                }
            });
        }
        pbx.callerArrives(uid, number, variables);
        scheduleArrival(q, atSeconds);
    }

    private void callerBridged(String uid) {
        Call call = live.get(uid);
        if (call == null || call.answered >= 0) {
            return;
        }
        call.answered = nanos();
        time.schedule(YamlFields.seconds(call.talkSeconds), () -> {
            if (pbx.callerHangsUp(uid)) {
                finish(uid, call, Tally.Outcome.ANSWERED);
            }
        });
    }

    private void finish(String uid, Call call, Tally.Outcome outcome) {
        if (live.remove(uid) == null || call.arrived < warmUpNanos) {
            return;
        }
        long end = outcome == Tally.Outcome.ANSWERED ? call.answered : nanos();
        double wait = (end - call.arrived) / 1e9;
        Scenario.Queue spec = call.queue.spec;
        double ring = scenario.agentAnswerDelay().toNanos() / 1e9;
        boolean queued = wait > ring + 1e-6;
        boolean inTarget = wait <= spec.serviceLevelTarget().toNanos() / 1e9;
        double handle = call.talkSeconds + spec.wrapUp().toNanos() / 1e9;
        call.queue.tally.add(outcome, wait, queued, inTarget, handle);
        tiers.get(call.tier).add(outcome, wait, queued, inTarget, handle);
        total.add(outcome, wait, queued, inTarget, handle);
    }

    static String drawTier(Map<String, Double> mix, double u) {
        double cumulative = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            cumulative += e.getValue();
            if (u < cumulative) {
                return e.getKey();
            }
        }
        return Scenario.UNKNOWN_TIER;
    }

    /** A US number: tier 1..3 for customers of that tier, 0 for numbers the directory does not know. */
    static String number(int tier, int k) {
        // Concatenation, not String.format: this runs once per call and the formatter showed up in profiles.
        String line = Integer.toString(10_000 + k).substring(1);
        return "+1212" + (550 + tier) + line;
    }

    /** Agent states are read from the desktop events; nothing needs them stored. */
    /** A simulation keeps no history: its report comes from the ledger. */
    private static final class NoHistory implements InteractionLog {
        @Override
        public boolean record(InteractionRecord interaction) {
            return true;
        }

        @Override
        public boolean wrapUp(WrapUpRecord wrapUp) {
            return true;
        }
    }

    private static final class NoStore implements AgentStateStore {
        @Override
        public void put(AgentStatus status) {
            // not shared with anyone in a simulation
        }

        @Override
        public Optional<AgentStatus> get(String agentId) {
            return Optional.empty();
        }

        @Override
        public Map<String, AgentStatus> all() {
            return Map.of();
        }
    }
}

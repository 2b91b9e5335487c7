package org.opencti.dialer.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.opencti.core.time.ManualScheduler;
import org.opencti.dialer.pacing.AbandonRate;
import org.opencti.dialer.pacing.CallOutcome;
import org.opencti.dialer.pacing.DialMode;
import org.opencti.dialer.pacing.FloorState;
import org.opencti.dialer.pacing.LiveAnswerGate;
import org.opencti.dialer.pacing.OnlineEstimates;
import org.opencti.dialer.pacing.Pacing;
import org.opencti.dialer.pacing.PacingSettings;
import org.opencti.dialer.pacing.PredictivePacing;
import org.opencti.dialer.pacing.PreviewPacing;

/**
 * A discrete-event simulation of one outbound shift that runs the real pacing ({@link Pacing}, {@link LiveAnswerGate},
 * {@link AbandonRate}) on virtual time: a {@link ManualScheduler} is the clock and the event list. Numbers are dialed
 * from a synthetic list ({@link Lead}), ring, answer or not, pass answering-machine detection, and meet an agent or the
 * safe-harbour message; agents talk, wrap up and come back. The pacing is asked for lines after every event and once a
 * second. Deterministic: the same scenario, seed and mode give the same figures.
 *
 * <p>Run it: {@code java -cp dialer/target/classes:cti-core/target/classes org.opencti.dialer.sim.DialerSimulation
 * [seed] [agents] [hours]}.
 */
public final class DialerSimulation {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(1);

    private enum State { FREE, PREVIEW, RESERVED, TALKING, MACHINE, WRAP }

    private static final class Agent {
        final String id;
        State state = State.FREE;
        Instant since = START;

        Agent(String id) {
            this.id = id;
        }
    }

    private final DialerScenario scenario;
    private final ManualScheduler time = new ManualScheduler(START);
    private final Pacing pacing;
    private final PreviewPacing preview;
    private final AbandonRate us;
    private final AbandonRate uk;
    private final LiveAnswerGate gate;
    private final Map<String, Agent> agents = new HashMap<>();
    private final List<Agent> roster = new ArrayList<>();
    private final ArrayDeque<Agent> free = new ArrayDeque<>();
    private final Map<String, Lead> answered = new HashMap<>();
    private final SplittableRandom previewChoices;
    private final Map<State, Double> stateSeconds = new EnumMap<>(State.class);
    private final int[] dialsPerSecond;
    private final int[] overDialPerSecond;
    private long nextLead;
    private final Map<String, Instant> linesInProgress = new HashMap<>();
    private boolean ended;
    private long dials;
    private long connects;
    private long abandoned;
    private long amdPeopleDropped;
    private long agentDecisions;
    private long agentSkips;
    private double talkSeconds;
    private final List<Long> spikeSeconds = new ArrayList<>();

    private DialerSimulation(DialerScenario scenario, DialMode mode) {
        this.scenario = scenario;
        PacingSettings settings = PacingSettings.standard(mode);
        this.us = new AbandonRate("sim", AbandonRate.Rule.US_TSR, 0, time.clock());
        this.uk = new AbandonRate("sim", AbandonRate.Rule.UK_OFCOM, amdVerdictFalsePositiveShare(scenario), time.clock());
        this.pacing = Pacing.create(settings, OnlineEstimates.Priors.outboundDefaults(), us, time.clock());
        this.preview = pacing instanceof PreviewPacing p ? p : null;
        this.previewChoices = new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL);
        this.dialsPerSecond = new int[(int) scenario.shift().toSeconds() + 1];
        this.overDialPerSecond = new int[dialsPerSecond.length];
        this.gate = new LiveAnswerGate(time, settings.connectDeadline(), this::claimFree, us, new LiveAnswerGate.Listener() {
            @Override
            public void connect(String callId, String agentId) {
                connectCall(callId, agents.get(agentId));
            }

            @Override
            public void safeHarbour(String callId) {
                dropCall(callId);
            }
        });
        for (int i = 0; i < scenario.agents(); i++) {
            Agent a = new Agent(String.format("agent-%03d", i + 1));
            agents.put(a.id, a);
            roster.add(a);
        }
    }

    /** Runs one dial mode through the scenario's shift. */
    public static DialerReport.Row run(DialerScenario scenario, DialMode mode) {
        return new DialerSimulation(scenario, mode).execute(mode);
    }

    /** Runs every dial mode on the same scenario (the same list, in the same order). */
    public static DialerReport runAll(DialerScenario scenario) {
        List<DialerReport.Row> rows = new ArrayList<>();
        for (DialMode mode : DialMode.values()) {
            rows.add(run(scenario, mode));
        }
        return new DialerReport(scenario, rows);
    }

    public static void main(String[] args) {
        DialerScenario s = DialerScenario.standard();
        if (args.length > 0) {
            s = s.withSeed(Long.parseLong(args[0]));
        }
        if (args.length > 1) {
            s = s.withAgents(Integer.parseInt(args[1]));
        }
        if (args.length > 2) {
            s = s.withShift(Duration.ofMinutes(Math.round(Double.parseDouble(args[2]) * 60)));
        }
        System.out.print(runAll(s).format());
    }

    /** The detector's false positives as a share of its machine verdicts, as a campaign would have measured it. */
    static double amdVerdictFalsePositiveShare(DialerScenario s) {
        if (!s.amd()) {
            return 0;
        }
        double people = s.liveRate() * s.amdFalsePositiveRate();
        double machines = s.machineRate() * (1 - s.amdFalseNegativeRate());
        return people + machines == 0 ? 0 : people / (people + machines);
    }

    private DialerReport.Row execute(DialMode mode) {
        time.schedule(scenario.shift(), () -> ended = true);
        for (Agent a : roster) {
            agentFree(a);
        }
        tick();
        time.advance(scenario.shift());
        for (Agent a : roster) {
            setState(a, a.state);
        }
        double agentHours = scenario.agents() * scenario.shift().toSeconds() / 3600.0;
        double busy = stateSeconds.getOrDefault(State.TALKING, 0.0) + stateSeconds.getOrDefault(State.WRAP, 0.0)
            + stateSeconds.getOrDefault(State.MACHINE, 0.0);
        return new DialerReport.Row(mode, dials, connects, abandoned, us.rate(), uk.rate(),
            agentHours == 0 ? 0 : talkSeconds / 60 / agentHours, agentHours == 0 ? 0 : busy / 3600 / agentHours,
            amdPeopleDropped, agentDecisions, agentSkips,
            spikeSeconds.stream().mapToLong(Long::longValue).toArray(), dialsPerSecond.clone(),
            overDialPerSecond.clone());
    }

    private void tick() {
        if (!ended) {
            pace();
            int second = (int) Math.min(overDialPerSecond.length - 1, Duration.between(START, time.now()).toSeconds());
            overDialPerSecond[second] = linesInProgress.size() + gate.waiting() - free.size();
            time.schedule(TICK, this::tick);
        }
    }

    private void pace() {
        if (ended || preview != null) {
            return;
        }
        int n = pacing.linesToDial(floor());
        for (int i = 0; i < n; i++) {
            dial(null);
        }
    }

    private FloorState floor() {
        List<Duration> talking = new ArrayList<>();
        List<Duration> wrapping = new ArrayList<>();
        Instant now = time.now();
        for (Agent a : roster) {
            if (a.state == State.TALKING) {
                talking.add(Duration.between(a.since, now));
            } else if (a.state == State.WRAP || a.state == State.MACHINE) {
                wrapping.add(Duration.between(a.since, now));
            }
        }
        List<Duration> lines = new ArrayList<>(linesInProgress.size());
        for (Instant dialed : linesInProgress.values()) {
            lines.add(Duration.between(dialed, now));
        }
        return new FloorState(roster.size(), free.size(), talking, wrapping, lines, gate.waiting());
    }

    private Optional<String> claimFree() {
        Agent a = free.pollFirst();
        return a == null ? Optional.empty() : Optional.of(a.id);
    }

    private void dial(Agent reservedFor) {
        dials++;
        dialsPerSecond[(int) Math.min(dialsPerSecond.length - 1, Duration.between(START, time.now()).toSeconds())]++;
        long index = nextLead++;
        Lead lead = Lead.draw(scenario, index, inSurge());
        double ring = scenario.ringTimeout().toNanos() / 1e9;
        double amd = scenario.amd() ? scenario.amdTime().toNanos() / 1e9 : 0;
        CallOutcome outcome;
        double after;
        switch (lead.kind()) {
            case PERSON, MACHINE -> {
                if (lead.answerSeconds() >= ring) {
                    outcome = CallOutcome.NO_ANSWER;
                    after = ring;
                } else {
                    outcome = detect(lead);
                    after = lead.answerSeconds() + amd;
                }
            }
            case BUSY -> {
                outcome = CallOutcome.BUSY;
                after = 4;
            }
            case CONGESTION -> {
                outcome = CallOutcome.CONGESTION;
                after = 3;
            }
            case INVALID -> {
                outcome = CallOutcome.INVALID_NUMBER;
                after = 2;
            }
            default -> {
                outcome = CallOutcome.NO_ANSWER;
                after = ring;
            }
        }
        Duration delay = Duration.ofNanos(Math.round(after * 1e9));
        String callId = "call." + index;
        linesInProgress.put(callId, time.now());
        time.schedule(delay, () -> lineEnded(callId, lead, outcome, delay, reservedFor));
    }

    private CallOutcome detect(Lead lead) {
        if (!scenario.amd()) {
            return CallOutcome.LIVE_ANSWER;
        }
        if (lead.kind() == Lead.Kind.MACHINE) {
            return lead.amdDraw() < scenario.amdFalseNegativeRate() ? CallOutcome.AMD_NOT_SURE : CallOutcome.AMD_MACHINE;
        }
        if (lead.amdDraw() < scenario.amdFalsePositiveRate()) {
            return CallOutcome.AMD_MACHINE;
        }
        return lead.notSureDraw() < scenario.amdNotSureRate() ? CallOutcome.AMD_NOT_SURE : CallOutcome.AMD_HUMAN;
    }

    private boolean inSurge() {
        DialerScenario.Surge s = scenario.surge();
        if (s == null) {
            return false;
        }
        Duration t = Duration.between(START, time.now());
        return t.compareTo(s.start()) >= 0 && t.compareTo(s.start().plus(s.length())) < 0;
    }

    private void lineEnded(String callId, Lead lead, CallOutcome outcome, Duration sinceDial, Agent reservedFor) {
        linesInProgress.remove(callId);
        pacing.dialEnded(outcome, sinceDial);
        if (outcome == CallOutcome.AMD_MACHINE) {
            us.amdMachine();
            uk.amdMachine();
            if (lead.kind() == Lead.Kind.PERSON) {
                amdPeopleDropped++;
            }
        }
        if (outcome.needsAgent()) {
            answered.put(callId, lead);
            if (reservedFor != null) {
                // Preview: the agent dialed this number and is on the line already, nothing can abandon it.
                connectCall(callId, reservedFor);
            } else {
                gate.liveAnswer(callId);
            }
        } else if (reservedFor != null) {
            agentFree(reservedFor);
        }
        pace();
    }

    private void connectCall(String callId, Agent agent) {
        Lead lead = answered.remove(callId);
        pacing.connected();
        if (lead.kind() == Lead.Kind.PERSON) {
            connects++;
            us.connected();
            uk.connected();
            setState(agent, State.TALKING);
            Duration talk = Duration.ofNanos(Math.round(lead.talkSeconds() * 1e9));
            time.schedule(talk, () -> {
                talkSeconds += lead.talkSeconds();
                pacing.talkEnded(talk);
                setState(agent, State.WRAP);
                Duration wrap = Duration.ofNanos(Math.round(lead.wrapSeconds() * 1e9));
                time.schedule(wrap, () -> {
                    pacing.wrapUpEnded(wrap);
                    agentFree(agent);
                });
            });
        } else {
            us.machineAtAgent();
            uk.machineAtAgent();
            setState(agent, State.MACHINE);
            time.schedule(scenario.machineHandling(), () -> agentFree(agent));
        }
    }

    private void dropCall(String callId) {
        answered.remove(callId);
        abandoned++;
        uk.abandoned();
        long before = pacing instanceof PredictivePacing p ? p.spikes() : 0;
        pacing.abandoned();
        if (pacing instanceof PredictivePacing p && p.spikes() > before) {
            spikeSeconds.add(Duration.between(START, time.now()).toSeconds());
        }
    }

    private void agentFree(Agent agent) {
        if (ended) {
            setState(agent, State.FREE);
            return;
        }
        if (preview != null) {
            setState(agent, State.PREVIEW);
            time.schedule(scenario.previewTime(), () -> previewDecided(agent));
            return;
        }
        setState(agent, State.FREE);
        if (!gate.agentFreed(agent.id)) {
            free.addLast(agent);
        }
        pace();
    }

    private void previewDecided(Agent agent) {
        if (ended) {
            return;
        }
        agentDecisions++;
        boolean skip = previewChoices.nextDouble() < scenario.previewSkipRate();
        if (preview.agentDecided(skip ? PreviewPacing.Decision.SKIP : PreviewPacing.Decision.DIAL) == 1) {
            setState(agent, State.RESERVED);
            dial(agent);
        } else {
            agentSkips++;
            agentFree(agent);
        }
    }

    private void setState(Agent agent, State next) {
        Instant now = time.now();
        stateSeconds.merge(agent.state, Duration.between(agent.since, now).toNanos() / 1e9, Double::sum);
        agent.state = next;
        agent.since = now;
    }
}

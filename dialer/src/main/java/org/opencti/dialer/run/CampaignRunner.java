package org.opencti.dialer.run;

import java.math.BigDecimal;
import java.time.Clock;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;
import org.opencti.dialer.LeadHopper;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.compliance.Dispositions;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.pacing.AbandonRate;
import org.opencti.dialer.pacing.DialMode;
import org.opencti.dialer.pacing.FloorState;
import org.opencti.dialer.pacing.LiveAnswerGate;
import org.opencti.dialer.pacing.Pacing;
import org.opencti.dialer.pacing.PacingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one campaign on this node: on a one-second tick and after every event it builds the {@link FloorState} from the
 * agents the campaign may use, asks the campaign's {@link Pacing} how many lines to dial, takes cleared leads from the
 * {@link LeadHopper} and dials them through {@link OutboundLines}; live answers meet agents through the
 * {@link LiveAnswerGate} (2 s, else the safe-harbour message); every attempt is logged with its outcome and the lead
 * retried or closed by the campaign's rules; dispositions, callbacks and previews come back from the agents.
 *
 * <p>Threads: the state is owned by one {@link SingleWriter} (a {@code StateOwner} in the server, inline in tests) and
 * every public method hops onto it; its timers run on the {@link Scheduler} the owner drives. The stores block, so they
 * run on {@code worker} and their results hop back onto the owner. The live ports ({@link OutboundLines},
 * {@link CampaignAgents}) are called on the owner and must not block.
 */
public final class CampaignRunner {
    static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    final Campaign campaign;
    final RunnerPorts ports;
    final RunnerSettings settings;
    final SingleWriter owner;
    final Scheduler scheduler;
    final Clock clock;
    private final Executor worker;
    private final Consumer<CampaignStats> statsListener;
    private final LeadHopper hopper;
    private final Dispositions dispositions;
    final Pacing pacing;
    final AbandonRate us;
    final AbandonRate uk;
    /** The rate the gate and the pacing count into; the other rule's is counted here. */
    final AbandonRate other;
    final LiveAnswerGate gate;
    /** Rebuilds {@link #us} and {@link #uk} from the attempt log that every node writes (see there). */
    final AbandonLedger abandons = new AbandonLedger();
    private Scheduler.Cancellable rebuild;
    final RunnerFigures figures = new RunnerFigures();
    private final LineOutcomes outcomes = new LineOutcomes(this);
    private final Offers offers = new Offers(this);
    private final Map<String, Line> lines = new LinkedHashMap<>();
    final Map<String, Hold> holds = new HashMap<>();
    private final CompletableFuture<CampaignStats> stopped = new CompletableFuture<>();
    private final String linePrefix;
    RunnerState state = RunnerState.CREATED;
    private Scheduler.Cancellable tick;
    private Instant lastTick;
    /** Lines the predictive pacing asked for that are being claimed: in the floor as lines of age 0. */
    private int claiming;
    private int pendingIo;
    private boolean listRead;
    /** A claim found the lists empty: no new claim before the next tick. */
    private Instant dryUntil = Instant.MIN;
    private long lineSeq;

    public CampaignRunner(Campaign campaign, RunnerPorts ports, RunnerSettings settings, SingleWriter owner, Scheduler scheduler,
                          Executor worker, Consumer<CampaignStats> statsListener) {
        if (campaign.id() == 0) {
            throw new IllegalArgumentException("campaign " + campaign.name() + " must be stored before it runs");
        }
        this.campaign = campaign;
        this.ports = ports;
        this.settings = settings;
        this.owner = owner;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.worker = worker;
        this.statsListener = statsListener;
        this.hopper = new LeadHopper(ports.leads(), ports.policy(), ports.levels(),
            new LeadHopper.Settings(settings.nodeId(), settings.lease(), settings.recheck()), clock);
        this.dispositions = new Dispositions(ports.attempts(), ports.dnc(), clock);
        String id = Long.toString(campaign.id());
        this.us = new AbandonRate(id, AbandonRate.Rule.US_TSR, settings.amdFalsePositiveRate(), clock);
        this.uk = new AbandonRate(id, AbandonRate.Rule.UK_OFCOM, settings.amdFalsePositiveRate(), clock);
        AbandonRate paced = settings.pacingRule() == AbandonRate.Rule.US_TSR ? us : uk;
        this.other = paced == us ? uk : us;
        // PacingSettings holds a limit in (0, 3 %]: a campaign's tighter limit is kept, a 0 % one dials as close to 0 as it can
        double limit = Math.max(1e-4, Math.min(PacingSettings.TSR_LIMIT, campaign.abandonLimitPercent().doubleValue() / 100));
        PacingSettings pacingSettings = new PacingSettings(DialMode.valueOf(campaign.mode().name()), limit, 0.8, 4,
            PacingSettings.TSR_CONNECT);
        this.pacing = Pacing.create(pacingSettings, settings.priors(), paced, clock);
        this.gate = new LiveAnswerGate(scheduler, pacingSettings.connectDeadline(), this::reserveFreeAgent, paced, new GateListener());
        this.linePrefix = "dl-" + campaign.id() + "-" + settings.nodeId() + "-" + clock.millis() + "-";
    }

    public Campaign campaign() {
        return campaign;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    /** Starts dialing, or resumes after {@link #pause}. A stopped runner cannot start again. */
    public CompletionStage<RunnerState> start() {
        return onOwner(() -> {
            if (state == RunnerState.STOPPING || state == RunnerState.STOPPED) {
                throw new IllegalStateException("campaign " + campaign.name() + " was stopped; start a new runner");
            }
            if (state == RunnerState.CREATED) {
                lastTick = clock.instant();
                tick = scheduler.schedule(TICK, this::tick);
                rebuildAbandons();
            }
            state = RunnerState.RUNNING;
            LOG.info("campaign {} ({}) running on {}", campaign.id(), campaign.name(), settings.nodeId());
            pace();
            return state;
        });
    }

    /** No new dials or previews; previews on screen are withdrawn; lines in progress finish. */
    public CompletionStage<RunnerState> pause() {
        return onOwner(() -> {
            if (state == RunnerState.RUNNING) {
                state = RunnerState.PAUSED;
                offers.withdrawPreviews("the campaign paused");
                LOG.info("campaign {} paused", campaign.id());
            }
            return state;
        });
    }

    /**
     * No new dials; previews are withdrawn and their leads given back; lines in progress finish and their leads are
     * finished by the rules. Completes when nothing is left in progress (agents in wrap-up may still dispose).
     */
    public CompletionStage<CampaignStats> stop() {
        owner.execute(() -> {
            if (state != RunnerState.STOPPING && state != RunnerState.STOPPED) {
                state = RunnerState.STOPPING;
                offers.withdrawPreviews("the campaign stopped");
                LOG.info("campaign {} stopping: {} lines in progress", campaign.id(), lines.size());
                checkStopped();
            }
        });
        return stopped;
    }

    /** Completes when the runner has stopped. */
    public CompletionStage<CampaignStats> stopped() {
        return stopped;
    }

    public CompletionStage<CampaignStats> stats() {
        return onOwner(this::snapshot);
    }

    private void tick() {
        owner.assertOwner();
        Instant now = clock.instant();
        List<CampaignAgents.CampaignAgent> floor = ports.agents().available(campaign);
        figures.agentTime(loggedIn(floor).size(), Duration.between(lastTick, now));
        lastTick = now;
        if (state == RunnerState.RUNNING) {
            offers.pollCallbacks(floor);
            pace();
        }
        readLists();
        statsListener.accept(snapshot());
        if (state != RunnerState.STOPPED) {
            tick = scheduler.schedule(TICK, this::tick);
        }
    }

    private void checkStopped() {
        if (state != RunnerState.STOPPING || !lines.isEmpty() || pendingIo > 0 || claiming > 0) {
            return;
        }
        for (Hold h : holds.values()) {
            if (h.kind == Hold.Kind.PENDING || h.kind == Hold.Kind.PREVIEW || h.kind == Hold.Kind.RINGING) {
                return;
            }
        }
        state = RunnerState.STOPPED;
        if (tick != null) {
            tick.cancel();
        }
        if (rebuild != null) {
            rebuild.cancel();
        }
        CampaignStats last = snapshot();
        LOG.info("campaign {} stopped: {} dials, {} connects, {} abandoned", campaign.id(), last.dials(), last.connects(), last.abandons());
        statsListener.accept(last);
        stopped.complete(last);
    }

    // ---- pacing --------------------------------------------------------------------------------------

    /** The adapter says an agent's state changed (freed, busy, logged in or out): waiting calls and pacing look again. */
    public void agentsChanged() {
        owner.execute(this::pace);
    }

    void pace() {
        owner.assertOwner();
        serveWaitingCalls();
        Instant now = clock.instant();
        // no dial before the abandon windows hold the log's past: a restart during a drop spike must not over-dial
        if (state != RunnerState.RUNNING || !abandons.ready() || !campaign.schedule().isOpen(now) || now.isBefore(dryUntil)) {
            return;
        }
        List<CampaignAgents.CampaignAgent> snapshot = ports.agents().available(campaign);
        switch (campaign.mode()) {
            case PREVIEW -> claimFor(reserve(freeAgents(snapshot), Integer.MAX_VALUE), true);
            case PROGRESSIVE -> claimFor(reserve(freeAgents(snapshot), pacing.linesToDial(floor(snapshot))), false);
            default -> {
                int n = pacing.linesToDial(floor(snapshot));
                if (n > 0) {
                    claimAhead(n);
                }
            }
        }
    }

    /** Calls waiting for an agent take the agents freed since (longest free first). */
    private void serveWaitingCalls() {
        if (gate.waiting() == 0) {
            return;
        }
        for (String agent : freeAgents(ports.agents().available(campaign))) {
            if (gate.waiting() == 0) {
                return;
            }
            if (ports.agents().reserve(campaign.id(), agent)) {
                holds.put(agent, new Hold(clock.instant()));
                gate.agentFreed(agent);
            }
        }
    }

    FloorState floor(List<CampaignAgents.CampaignAgent> snapshot) {
        Instant now = clock.instant();
        int free = 0;
        List<Duration> talking = new ArrayList<>();
        List<Duration> wrapping = new ArrayList<>();
        for (CampaignAgents.CampaignAgent a : snapshot) {
            if (holds.containsKey(a.agentId())) {
                continue;
            }
            switch (a.activity()) {
                case FREE -> free++;
                case TALKING -> talking.add(Duration.between(a.since(), now));
                case WRAPPING -> wrapping.add(Duration.between(a.since(), now));
                default -> {
                }
            }
        }
        for (Hold h : holds.values()) {
            if (h.kind == Hold.Kind.TALKING) {
                talking.add(Duration.between(h.since, now));
            } else if (h.kind == Hold.Kind.WRAPPING) {
                wrapping.add(Duration.between(h.since, now));
            }
        }
        // lines with an agent held for them need no other agent: they are in neither the free agents nor the lines
        List<Duration> ages = new ArrayList<>();
        for (Line line : lines.values()) {
            if (line.reservedAgent == null && line.beforeAnswer()) {
                ages.add(Duration.between(line.dialedAt, now));
            }
        }
        for (int i = 0; i < claiming; i++) {
            ages.add(Duration.ZERO);
        }
        return new FloorState(loggedIn(snapshot).size(), free, talking, wrapping, ages, gate.waiting());
    }

    private Set<String> loggedIn(List<CampaignAgents.CampaignAgent> snapshot) {
        Set<String> in = new HashSet<>(holds.keySet());
        snapshot.forEach(a -> in.add(a.agentId()));
        return in;
    }

    /** Free agents the runner does not hold (and not away after a preview they let time out), longest free first. */
    List<String> freeAgents(List<CampaignAgents.CampaignAgent> snapshot) {
        Instant now = clock.instant();
        offers.comeBack(now);
        return snapshot.stream().filter(a -> a.activity() == CampaignAgents.Activity.FREE && !holds.containsKey(a.agentId())
                && !offers.away(a.agentId()))
            .sorted(Comparator.comparing(CampaignAgents.CampaignAgent::since).thenComparing(CampaignAgents.CampaignAgent::agentId))
            .map(CampaignAgents.CampaignAgent::agentId).toList();
    }

    private List<String> reserve(List<String> free, int max) {
        List<String> reserved = new ArrayList<>();
        for (String agent : free) {
            if (reserved.size() >= max) {
                break;
            }
            if (ports.agents().reserve(campaign.id(), agent)) {
                holds.put(agent, new Hold(clock.instant()));
                reserved.add(agent);
            }
        }
        return reserved;
    }

    private Optional<String> reserveFreeAgent() {
        return reserve(freeAgents(ports.agents().available(campaign)), 1).stream().findFirst();
    }

    // ---- claims and dials ----------------------------------------------------------------------------

    /** Claims one lead for each reserved agent: offered as a preview, or dialed with the agent waiting. */
    private void claimFor(List<String> agents, boolean preview) {
        if (agents.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        io("claim leads for " + agents, () -> {
            LeadHopper.Taken taken = hopper.take(campaign, agents.size(), agents.get(0));
            List<Long> attempts = new ArrayList<>();
            for (int i = 0; !preview && i < taken.cleared().size(); i++) {
                Lead lead = taken.cleared().get(i);
                attempts.add(ports.attempts().started(DialAttempt.start(campaign.id(), lead.id(), lead.e164(), lead.customerId(),
                    agents.get(i), now)));
            }
            return new Claimed(taken, attempts);
        }, claimed -> {
            claimedLeads(claimed, agents.size());
            List<Lead> leads = claimed.taken().cleared();
            for (int i = 0; i < agents.size(); i++) {
                String agent = agents.get(i);
                if (i >= leads.size()) {
                    release(agent);
                } else if (preview) {
                    offers.offerPreview(agent, leads.get(i), null);
                } else {
                    dial(leads.get(i), null, claimed.attempts().get(i), agent);
                }
            }
        }, e -> agents.forEach(this::release));
    }

    /** Claims {@code n} leads and dials them with no agent held (predictive). */
    private void claimAhead(int n) {
        Instant now = clock.instant();
        claiming += n;
        io("claim " + n + " leads", () -> {
            LeadHopper.Taken taken = hopper.take(campaign, n, null);
            List<Long> attempts = new ArrayList<>();
            for (Lead lead : taken.cleared()) {
                attempts.add(ports.attempts().started(DialAttempt.start(campaign.id(), lead.id(), lead.e164(), lead.customerId(), null,
                    now)));
            }
            return new Claimed(taken, attempts);
        }, claimed -> {
            claiming -= n;
            claimedLeads(claimed, n);
            for (int i = 0; i < claimed.attempts().size(); i++) {
                dial(claimed.taken().cleared().get(i), null, claimed.attempts().get(i), null);
            }
        }, e -> claiming -= n);
    }

    private record Claimed(LeadHopper.Taken taken, List<Long> attempts) {
    }

    private void claimedLeads(Claimed claimed, int asked) {
        figures.refused(claimed.taken().refused());
        if (claimed.taken().cleared().size() + claimed.taken().refused().size() < asked) {
            dryUntil = clock.instant().plus(TICK);
        }
    }

    /**
     * Places the call. A dial whose attempt is already logged goes out even if the campaign paused meanwhile (the claim
     * and the log were made while it ran; the log must match what was dialed).
     */
    void dial(Lead lead, Callback callback, long attemptId, String agent) {
        Instant now = clock.instant();
        Line line = new Line(linePrefix + ++lineSeq, lead, callback, attemptId, now, agent);
        lines.put(line.id, line);
        if (agent != null) {
            Hold h = holds.computeIfAbsent(agent, a -> new Hold(now));
            h.become(Hold.Kind.RINGING, now);
            h.line = line.id;
            h.lead = lead;
            h.callback = callback;
            h.attemptId = attemptId;
        }
        figures.dials++;
        ports.lines().dial(new OutboundLines.DialRequest(line.id, campaign.id(), lead.id(), lead.e164(), campaign.callerId(),
            campaign.amd(), campaign.safeHarbourMessage(), settings.ringTimeout(), agent));
    }

    // ---- line events ---------------------------------------------------------------------------------

    /** What became of a line; called by the PBX adapter on any thread. */
    public void onLineEvent(LineEvent event) {
        owner.execute(() -> {
            Line line = lines.get(event.line());
            if (line == null) {
                LOG.debug("campaign {}: {} for a line no longer followed", campaign.id(), event);
                return;
            }
            outcomes.handle(line, event);
            checkStopped();
            pace();
        });
    }

    void removeLine(Line line) {
        lines.remove(line.id);
    }

    private final class GateListener implements LiveAnswerGate.Listener {
        @Override
        public void connect(String callId, String agentId) {
            outcomes.connect(lines.get(callId), agentId);
        }

        @Override
        public void safeHarbour(String callId) {
            outcomes.drop(lines.get(callId));
            checkStopped();
        }
    }

    /** The campaign is done with the agent: timers cancelled, the adapter told. */
    void release(String agent) {
        Hold h = holds.remove(agent);
        if (h != null) {
            h.cancelTimer();
        }
        ports.agents().release(campaign.id(), agent);
    }

    // ---- previews ------------------------------------------------------------------------------------

    /** The agent dials the lead on their screen; the line rings with the agent on it. */
    public CompletionStage<Void> previewDial(String agentId, long leadId) {
        return onOwner(() -> {
            offers.previewDial(agentId, leadId);
            return null;
        });
    }

    /** The agent skips the lead on their screen: it goes back to its list, to be looked at again after the recheck time. */
    public CompletionStage<Void> previewSkip(String agentId, long leadId, String reason) {
        return onOwner(() -> {
            offers.previewSkip(agentId, leadId, reason);
            return null;
        });
    }

    // ---- dispositions --------------------------------------------------------------------------------

    /**
     * The agent's disposition of the attempt they talked on (in conversation or in wrap-up): recorded through
     * {@link Dispositions} (a do-not-call request puts the number on the internal list at once); a callback disposition
     * needs {@code callback}, which is stored for the same agent or the pool. The agent is released once it is written
     * and the conversation is over.
     *
     * @param value null for the disposition's own value
     */
    public CompletionStage<Disposition> dispose(String agentId, long attemptId, String code, BigDecimal value, CallbackRequest callback) {
        CompletableFuture<Disposition> done = new CompletableFuture<>();
        owner.execute(() -> {
            try {
                outcomes.dispose(agentId, attemptId, code, value, callback, dispositions, done);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    // ---- plumbing ------------------------------------------------------------------------------------

    /** Blocking work on the worker; its result (or failure, logged) comes back onto the owner. */
    <T> void io(String what, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        pendingIo++;
        worker.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                LOG.error("campaign {}: {} failed: {}", campaign.id(), what, e.getMessage(), e);
                owner.execute(() -> {
                    pendingIo--;
                    failed.accept(e);
                    checkStopped();
                });
                return;
            }
            owner.execute(() -> {
                pendingIo--;
                done.accept(result);
                checkStopped();
            });
        });
    }

    /** Reads the campaign's attempts of the past 30 days and rebuilds both abandon windows; again every minute. */
    private void rebuildAbandons() {
        owner.assertOwner();
        if (state == RunnerState.STOPPING || state == RunnerState.STOPPED) {
            return;
        }
        rebuild = scheduler.schedule(AbandonLedger.EVERY, this::rebuildAbandons);
        if (!abandons.startRead()) {
            return;
        }
        Instant now = clock.instant();
        io("read the abandon windows", () -> AbandonLedger.read(ports.attempts(), campaign.id(), now), read -> {
            abandons.apply(read, clock.instant(), us, uk);
            pace();
        }, e -> abandons.readFailed());
    }

    private void readLists() {
        if (listRead) {
            return;
        }
        listRead = true;
        io("read lead lists", () -> RunnerFigures.Lists.of(ports.leads().listsOf(campaign.id()),
                ports.leads().attemptedLeads(campaign.id())),
            read -> {
                listRead = false;
                figures.lists(read);
            }, e -> listRead = false);
    }

    private CampaignStats snapshot() {
        owner.assertOwner();
        List<CampaignAgents.CampaignAgent> floor = ports.agents().available(campaign);
        return figures.stats(campaign, state, clock.instant(), us, uk, loggedIn(floor).size(), freeAgents(floor).size(),
            lines.size() + claiming);
    }

    private <T> CompletionStage<T> onOwner(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        owner.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}

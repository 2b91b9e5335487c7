package org.opencti.server;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencti.acd.OutboundAgents;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.campaign.CampaignFigures;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.CampaignState;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.lead.ListLevels;
import org.opencti.dialer.run.CallbackRequest;
import org.opencti.dialer.run.CampaignRunner;
import org.opencti.dialer.run.CampaignStats;
import org.opencti.dialer.run.LineEvent;
import org.opencti.dialer.run.RunnerPorts;
import org.opencti.dialer.run.RunnerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's running campaigns: one {@link CampaignRunner} per campaign started here, each on its own
 * {@link StateOwner} thread (its timers on a scheduler that thread drives), its blocking store calls on the node's
 * worker pool. The campaign API moves a campaign's state and then tells this ({@link CampaignControl}); the pages'
 * preview decisions, dispositions and figures come through {@link CampaignDesk}. All runners share one set of ports:
 * the stores of {@link Stores.Outbound}, the PBX lines ({@link PbxOutboundLines}) and the ACD's agents
 * ({@link CampaignFloor} over {@link OutboundAgents}, which tells every runner when the agents change).
 */
final class CampaignRunners implements CampaignControl, CampaignDesk, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunners.class);
    private static final long HOOK_SECONDS = 5;

    private record Running(CampaignRunner runner, StateOwner owner, AtomicBoolean stopping) {
    }

    private final Stores.Outbound outbound;
    private final RunnerSettings settings;
    private final Executor worker;
    private final Clock clock;
    private final PbxOutboundLines lines;
    private final RunnerPorts ports;
    private final CampaignNotices open;
    private final ConcurrentMap<Long, Running> running = new ConcurrentHashMap<>();

    CampaignRunners(Stores.Outbound outbound, OutboundAgents agents, PbxGateway pbx, DesktopNotifier desktops, Executor worker,
                    Clock clock, RunnerSettings settings) {
        this.outbound = outbound;
        this.settings = settings;
        this.worker = worker;
        this.clock = clock;
        this.lines = new PbxOutboundLines(pbx, agents, PbxOutboundLines.DIAL_STRING, this::lineEvent);
        this.open = new CampaignNotices(clock);
        CampaignFloor floor = new CampaignFloor(agents, desktops, clock, id -> runnerOf(id).map(CampaignRunner::campaign),
            lines::callId, open);
        // ListLevels logs a list running low itself; nothing else listens yet
        ListLevels levels = new ListLevels(outbound.leads(), low -> { }, clock);
        this.ports = new RunnerPorts(outbound.leads(), new DialPolicy(outbound.dnc(), outbound.attempts(), outbound.standings(),
            outbound.refusals(), clock), levels, outbound.attempts(), outbound.dnc(), outbound.callbacks(), lines, floor);
        agents.onChange(() -> running.values().forEach(r -> r.runner().agentsChanged()));
    }

    /** Each agent's open preview or campaign call to dispose, which the desktop hub sends again to a page that reconnects. */
    CampaignNotices openFrames() {
        return open;
    }

    /** Listens to the PBX for the campaign lines' answers, verdicts and hangups. */
    PbxOutboundLines lines() {
        return lines;
    }

    private void lineEvent(long campaignId, LineEvent event) {
        Running r = running.get(campaignId);
        if (r != null) {
            r.runner().onLineEvent(event);
        }
    }

    /** On node start: the campaigns stored as running run again here. Blocking (the stores): call it from a worker. */
    void resumeRunning() {
        outbound.states().all().values().stream().filter(s -> s.state() == CampaignState.RUNNING).forEach(s ->
            outbound.campaigns().find(s.campaignId()).ifPresent(c -> {
                try {
                    started(c, CampaignState.RUNNING);
                } catch (RuntimeException e) {
                    LOG.error("campaign {} ({}) could not be resumed: {}", c.id(), c.name(), e.toString(), e);
                }
            }));
    }

    /**
     * This node left the floor: its runners stop (lines in progress finish, lead leases are given back) but the campaigns
     * stay stored as running, so the node that holds the floor now resumes them ({@link #resumeRunning}).
     */
    synchronized void standDown() {
        running.keySet().forEach(this::stop);
    }

    // ---- CampaignControl (on a worker) ---------------------------------------------------------------

    @Override
    public synchronized void started(Campaign campaign, CampaignState from) {
        Running r = running.get(campaign.id());
        if (r != null && r.stopping().get()) {
            throw new IllegalStateException("campaign " + campaign.name() + " is still stopping: its calls in progress have not ended");
        }
        if (r == null) {
            StateOwner owner = new StateOwner("cti-campaign-" + campaign.id());
            CampaignRunner runner = new CampaignRunner(campaign, ports, settings, owner, new ExecutorScheduler(clock, owner.executor()),
                worker, stats -> { });
            r = new Running(runner, owner, new AtomicBoolean());
            running.put(campaign.id(), r);
        }
        await(r.runner().start(), "start campaign " + campaign.name());
    }

    @Override
    public synchronized void paused(Campaign campaign) {
        Running r = running.get(campaign.id());
        if (r != null) {
            await(r.runner().pause(), "pause campaign " + campaign.name());
        }
    }

    @Override
    public synchronized void stopped(Campaign campaign) {
        stop(campaign.id());
    }

    /** A running runner keeps the campaign it was started with: it stops, and a running campaign starts again as edited. */
    @Override
    public synchronized void changed(Campaign campaign, CampaignState state) {
        CompletionStage<CampaignStats> done = stop(campaign.id());
        if (state == CampaignState.RUNNING) {
            done.thenRunAsync(() -> started(campaign, CampaignState.RUNNING), worker).exceptionally(e -> {
                LOG.error("campaign {} did not restart after an edit: {}", campaign.id(), e.toString());
                return null;
            });
        }
    }

    private CompletionStage<CampaignStats> stop(long campaignId) {
        Running r = running.get(campaignId);
        if (r == null) {
            return CompletableFuture.completedFuture(null);
        }
        r.stopping().set(true);
        return r.runner().stop().whenComplete((stats, failure) -> {
            running.remove(campaignId, r);
            r.owner().close();
        });
    }

    private static <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(HOOK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": the runner did not answer within " + HOOK_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }

    // ---- CampaignDesk --------------------------------------------------------------------------------

    private CampaignRunner runner(long campaignId) {
        Running r = running.get(campaignId);
        if (r == null || r.stopping().get()) {
            throw new IllegalStateException("campaign " + campaignId + " is not running on this node");
        }
        return r.runner();
    }

    @Override
    public CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId) {
        try {
            return runner(campaignId).previewDial(agentId, leadId).thenRun(() -> open.previewOver(agentId, campaignId, leadId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason) {
        try {
            return runner(campaignId).previewSkip(agentId, leadId, reason).thenRun(() -> open.previewOver(agentId, campaignId, leadId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value, Instant callbackAt,
                                         boolean callbackToMe) {
        try {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("code: a disposition code is required");
            }
            CallbackRequest callback = callbackAt == null ? null : new CallbackRequest(callbackAt, callbackToMe);
            return runner(campaignId).dispose(agentId, attemptId, code, value, callback).thenRun(() -> open.disposed(agentId, campaignId,
                attemptId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<List<CampaignFigures>> figures() {
        List<CompletableFuture<CampaignStats>> all = new ArrayList<>();
        running.values().forEach(r -> all.add(r.runner().stats().toCompletableFuture()));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(ignored -> all.stream()
            .map(CompletableFuture::join).map(this::figures).toList());
    }

    private CampaignFigures figures(CampaignStats s) {
        Running r = running.get(s.campaignId());
        String mode = r == null ? "" : r.runner().campaign().mode().name().toLowerCase();
        return new CampaignFigures(s.campaignId(), s.campaign(), mode, s.state().name().toLowerCase(), s.at(), s.dials(), s.connects(),
            s.abandons(), 100 * s.usAbandonRate(), 100 * s.ukAbandonRate(), s.machines(), s.talkSecondsPerAgentHour() / 60,
            100 * s.listPenetration(), s.leadsLeft(), s.agentsLoggedIn());
    }

    /** The campaign's runner, for tests and the demo; empty when it does not run here. */
    Optional<CampaignRunner> runnerOf(long campaignId) {
        return Optional.ofNullable(running.get(campaignId)).map(Running::runner);
    }

    @Override
    public void close() {
        running.keySet().forEach(this::stop);
        running.values().forEach(r -> r.owner().close());
    }
}

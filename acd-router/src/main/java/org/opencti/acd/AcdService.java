package org.opencti.acd;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opencti.acd.routing.Decision;
import org.opencti.acd.routing.RoutingEngine;
import org.opencti.acd.stats.ExpectedWait;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.acd.stats.QueueStatistics;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.call.ChannelTracker;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * The inbound call flow: a caller reaching the hold context is identified (customer lookup, with a
 * deadline), takes their place in line by priority, is offered to the agent the queue's strategy picks
 * (reserve, pop, then originate the agent leg), bridged when the agent answers, and the agent wraps up
 * after the call. Queue rules (overflow, closed hours, requirement steps that relax with the wait) run on
 * timers. All state lives on one owner; every public method hops onto it.
 */
public final class AcdService implements PbxEventListener {
    private final AcdSettings settings;
    private final CallSkillPolicy callSkills;
    private final Map<String, QueueSetup> queues = new LinkedHashMap<>();
    private final RoutingEngine engine;
    private final SingleWriter owner;
    private final Scheduler scheduler;
    private final ChannelTracker channels = new ChannelTracker();
    private final Map<String, AgentSession> agents = new HashMap<>();
    private final CallTable calls = new CallTable(call -> mirror().ended(call));
    private final AcdActions actions;
    private final AcdRecorder recorder;
    private final QueueRuleTimers timers;
    private final CallbackFlow callbacks;
    private final AgentStates states;
    private final AgentLegFlow legs;
    private final WrapUps wrapUps;
    private final TransferFlow transfers;
    private final AgentDesk desk;
    private final Timer routing;
    private final AcdPorts ports;
    private final FloorRole role;
    private final LiveCallMirror mirror;
    private final Takeover takeover;
    private final CallEnds ends;
    private final PhoneCheck phones;

    /** A node on its own: it holds the floor from the start, as if its lease had been granted (epoch 1). */
    public AcdService(AcdSetup setup, AcdPorts ports, SingleWriter owner, Scheduler scheduler, MeterRegistry meters) {
        this(setup, ports, owner, scheduler, meters, ClusterPorts.single(), new FloorLease.Tenure("single", "", 1));
    }

    /** A node sharing the floor with others ({@code cluster}): a standby until its wiring calls {@link #takeFloor}. */
    public AcdService(AcdSetup setup, AcdPorts ports, SingleWriter owner, Scheduler scheduler, MeterRegistry meters,
                      ClusterPorts cluster) {
        this(setup, ports, owner, scheduler, meters, cluster, null);
    }

    private AcdService(AcdSetup setup, AcdPorts ports, SingleWriter owner, Scheduler scheduler, MeterRegistry meters,
                       ClusterPorts cluster, FloorLease.Tenure holding) {
        this.settings = setup.settings();
        this.ports = ports;
        this.role = new FloorRole(this, owner, cluster, holding, meters);
        this.mirror = new LiveCallMirror(cluster, meters, owner);
        this.callSkills = setup.callSkills();
        this.owner = owner;
        this.scheduler = scheduler;
        setup.queues().forEach(q -> queues.put(q.name(), q));
        this.engine = new RoutingEngine(setup.queues().stream().map(QueueSetup::rules).toList(), setup.fairness(),
            new SplittableRandom(setup.randomSeed()));
        Instant now = scheduler.clock().instant();
        for (AgentProfile p : setup.agents()) {
            agents.put(p.id(), new AgentSession(p, servedQueues(p), now));
        }
        this.actions = new AcdActions(ports, owner, meters, role::holding);
        this.recorder = new AcdRecorder(new QueueStatistics(setup.serviceLevels(), setup.statisticsWindow()), ports.queueLog());
        this.states = new AgentStates(owner, scheduler, engine, recorder, actions, role);
        this.timers = new QueueRuleTimers(this, scheduler, owner);
        this.callbacks = new CallbackFlow(this, scheduler, owner);
        this.legs = new AgentLegFlow(this, scheduler, meters);
        this.wrapUps = new WrapUps(this, scheduler, owner);
        this.transfers = new TransferFlow(this, scheduler);
        this.desk = new AgentDesk(this, scheduler, owner, agents, setup.desk());
        this.takeover = new Takeover(this, role, states, channels, mirror, scheduler);
        this.ends = new CallEnds(this, scheduler, transfers, channels);
        this.phones = new PhoneCheck(this, ports.pbx(), ports.worker(), owner);
        this.routing = Timer.builder("cti.acd.routing").description("One routing pass: matching waiting calls and free agents")
            .publishPercentileHistogram().register(meters);
        owner.execute(() -> queues.values().forEach(q -> timers.watchCalendar(q, scheduler.clock().instant())));
    }

    private List<String> servedQueues(AgentProfile p) {
        if (!p.queues().isEmpty()) {
            return p.queues().keySet().stream().filter(queues::containsKey).sorted().toList();
        }
        return queues.values().stream().filter(q -> q.everAdmits(p.skills())).map(QueueSetup::name).toList();
    }

    /** The PBX gateway calls this on its delivery thread; the work moves to the owner. */
    @Override
    public void onPbxEvent(PbxEvent event) {
        owner.execute(() -> handle(event));
    }

    // ---- agents ------------------------------------------------------------------------------------

    public CompletionStage<AgentStatus> login(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            if (a.state != AgentState.LOGGED_OUT) {
                return a.status();
            }
            return change(a, AgentState.NOT_READY, "logged in", true);
        });
    }

    public CompletionStage<AgentStatus> ready(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "go ready");
            AgentStatus s = change(a, AgentState.READY, null, true);
            dispatch();
            return s;
        });
    }

    /** Not ready with a reason code (break, lunch, training, ...); a wrap-up in progress ends. */
    public CompletionStage<AgentStatus> notReady(String agentId, String reason) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "go not ready");
            return change(a, AgentState.NOT_READY, reason == null || reason.isBlank() ? "not ready" : reason, true);
        });
    }

    public CompletionStage<AgentStatus> logout(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "log out");
            AgentStatus s = change(a, AgentState.LOGGED_OUT, null, true);
            a.queues.forEach(q -> timers.checkWaitingCalls(q, scheduler.clock().instant()));
            return s;
        });
    }

    /**
     * More after-call work: the wrap-up ends {@code extra} later than planned, but never beyond the queue's
     * maximum wrap-up counted from its start.
     */
    public CompletionStage<AgentStatus> extendWrapUp(String agentId, Duration extra) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            wrapUps.extend(a, extra);
            return a.status();
        });
    }

    /**
     * The agent puts their customer on hold: both leave the bridge (one Redirect with ExtraChannel), the
     * customer to music, the agent's leg back to waiting in the agent-leg context.
     */
    public CompletionStage<AgentStatus> hold(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            InboundCall call = a.callId == null ? null : calls.byId(a.callId);
            if (a.state != AgentState.ON_CALL || call == null || call.stage != InboundCall.Stage.CONNECTED) {
                throw new IllegalStateException("agent " + agentId + " has no connected call to hold");
            }
            if (call.consult != null) {
                throw new IllegalStateException("agent " + agentId + " is in a conference: complete or cancel it first");
            }
            // a nailed-up leg waits in its own loop, so it is still there for the next call after this one
            actions.redirectBoth(call.callerChannel, settings.onHoldContext(), call.agentLegChannel,
                call.nailedLeg ? OutboundAgents.NAILED_CONTEXT : settings.agentLegContext());
            return change(a, AgentState.ON_HOLD, null, false);
        });
    }

    /** The customer on hold is bridged with the agent again. */
    public CompletionStage<AgentStatus> resume(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            InboundCall call = a.callId == null ? null : calls.byId(a.callId);
            if (a.state != AgentState.ON_HOLD || call == null) {
                throw new IllegalStateException("agent " + agentId + " has no call on hold");
            }
            if (call.consult != null) {
                throw new IllegalStateException("agent " + agentId + " is consulting " + call.consult.target.describe()
                    + ": cancel the transfer to go back to the caller");
            }
            actions.bridge(call.callerChannel, call.agentLegChannel);
            return change(a, AgentState.ON_CALL, null, false);
        });
    }

    /**
     * The agent hands their connected caller on (see {@link TransferFlow}): blind, or attended (a consultation they then
     * complete or cancel). Refused (IllegalStateException) when the agent has no connected call or the target agent is
     * not ready; {@link TransferRequest.BadField} names a bad target.
     */
    public CompletionStage<AgentStatus> transfer(String agentId, TransferRequest request) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            return transfers.transfer(a, callOf(a, "transfer"), request);
        });
    }

    /** The attended transfer completes: the caller is bridged with the consulted party and the agent wraps up. */
    public CompletionStage<AgentStatus> completeTransfer(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            return transfers.complete(a, callOf(a, "complete a transfer"));
        });
    }

    /** The attended transfer is called off: the agent is back with the caller, the consulted party released. */
    public CompletionStage<AgentStatus> cancelTransfer(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            return transfers.cancel(a, callOf(a, "cancel a transfer"));
        });
    }

    /** Caller, agent and the consulted party of an answered attended transfer talk together. */
    public CompletionStage<AgentStatus> conference(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            return transfers.conference(a, callOf(a, "start a conference"));
        });
    }

    private InboundCall callOf(AgentSession a, String what) {
        InboundCall call = a.callId == null ? null : calls.byId(a.callId);
        boolean onIt = a.state == AgentState.ON_CALL || a.state == AgentState.ON_HOLD;
        if (!onIt || call == null || call.stage != InboundCall.Stage.CONNECTED || !a.profile.id().equals(call.agentId)) {
            throw new IllegalStateException("agent " + a.profile.id() + " cannot " + what + ": no connected call (agent is "
                + a.state.name().toLowerCase().replace('_', ' ') + ")");
        }
        return call;
    }

    /** The agent is done with the after-call work before the wrap-up time is up. */
    public CompletionStage<AgentStatus> finishWrapUp(String agentId) {
        return onFloor(() -> {
            AgentSession a = agent(agentId);
            wrapUps.finish(a);
            return a.status();
        });
    }

    /**
     * The agent's disposition and notes for their last call, written to its history row (see {@link AfterCallWork});
     * with {@code finish} the wrap-up then ends. Refused (IllegalStateException) when the agent has no call to wrap up,
     * {@link TransferRequest.BadField} names a bad field.
     */
    public CompletionStage<AgentStatus> wrapUp(String agentId, WrapUpEntry entry) {
        return onFloor(() -> wrapUps.submit(agent(agentId), entry));
    }

    /** What the wrap-up form shows for the agent's last call; empty when they have none to wrap up. */
    public CompletionStage<Optional<WrapUpForm>> wrapUpForm(String agentId) {
        return onOwner(() -> wrapUps.form(agent(agentId)));
    }

    public CompletionStage<Optional<AgentStatus>> status(String agentId) {
        return onOwner(() -> Optional.ofNullable(agents.get(agentId)).map(AgentSession::status));
    }

    /** An agent's team and state and, while a caller is connected to them, their leg's channel (for supervisors). */
    public CompletionStage<Optional<AgentLine>> agentLine(String agentId) {
        return onOwner(() -> Optional.ofNullable(agents.get(agentId)).map(a -> {
            InboundCall call = a.callId == null ? null : calls.byId(a.callId);
            String leg = call != null && call.stage == InboundCall.Stage.CONNECTED ? call.agentLegChannel : null;
            return new AgentLine(a.profile.id(), a.profile.team(), a.state, a.callId, leg);
        }));
    }

    // ---- queries -----------------------------------------------------------------------------------

    public CompletionStage<List<WaitingCall>> waitingCalls() {
        return onOwner(() -> {
            List<WaitingCall> out = new ArrayList<>();
            for (String q : queues.keySet()) {
                engine.waitingCalls(q).forEach(c -> out.add(new WaitingCall(c.callId(), c.queue(), c.enteredAt())));
            }
            return out;
        });
    }

    /** Calls the ACD is following (being identified, waiting, offered, ringing or connected). */
    public CompletionStage<Integer> liveCallCount() {
        return onOwner(calls::size);
    }

    /** Channels the ACD still indexes; for tests that prove ended calls are forgotten. */
    CompletionStage<Integer> followedChannelCount() {
        return onOwner(calls::channelCount);
    }

    public CompletionStage<List<QueueSnapshot>> queueSnapshots() {
        return onOwner(() -> queues.keySet().stream().map(q -> recorder.snapshot(q, scheduler.clock().instant())).toList());
    }

    /** Where a waiting call is in its line, and how long it may still wait, as a caller would be told. */
    public CompletionStage<Optional<QueuePosition>> position(String callId) {
        return onOwner(() -> {
            InboundCall call = calls.byId(callId);
            if (call == null || call.stage != InboundCall.Stage.WAITING) {
                return Optional.empty();
            }
            int position = engine.positionOf(callId);
            Optional<Duration> wait = recorder.expectedWait(call.queue, position, engine.loggedInAgents(call.queue),
                scheduler.clock().instant());
            return Optional.of(new QueuePosition(call.queue, position, wait, ExpectedWait.announcement(position, wait)));
        });
    }

    // ---- PBX events --------------------------------------------------------------------------------

    private void handle(PbxEvent event) {
        owner.assertOwner();
        Optional<ChannelTracker.TrackedChannel> ch = channels.apply(event);
        if (!role.holding()) {
            takeover.heard(event); // a standby follows the channels, nothing more
            return;
        }
        // Only entering hold starts a wait: after a conversation Asterisk resumes the caller in the hold context past
        // MusicOnHold (the survey's GotoIf, then Hangup), and those steps are not a new call.
        if (event instanceof PbxEvent.DialplanStep step && settings.holdContext().equals(step.context()) && step.priority() == 1) {
            ch.ifPresent(this::callerOnHold);
        } else if (event instanceof PbxEvent.ChannelHungUp hung) {
            ends.channelGone(hung.channel().uniqueId());
        } else if (event instanceof PbxEvent.ChannelsResynced resynced) {
            ends.reconcile(resynced);
            phones.afterResync(resynced); // after a restart: are the agents' phones back?
        }
    }

    void callerOnHold(ChannelTracker.TrackedChannel ch) {
        if (calls.byChannel(ch.uniqueId()) != null) {
            return;
        }
        String queue = ch.variable(settings.queueVariable()).filter(queues::containsKey).orElse(settings.defaultQueue());
        // A caller transferred to a queue arrives here again, as the next leg of their call (the id the transfer gave it).
        Optional<String> by = ch.variable(TransferFlow.TRANSFERRED_BY).filter(v -> !v.isBlank());
        String callId = ch.variable(TransferFlow.TRANSFER_LEG).filter(id -> by.isPresent() && calls.byId(id) == null)
            .orElse("c-" + ch.uniqueId());
        InboundCall call = new InboundCall(callId, ch.uniqueId(), ch.linkedId(), ch.name(),
            ch.callerIdNum(), ch.callerIdName(), queue, scheduler.clock().instant());
        by.ifPresent(agent -> call.transfer = new InteractionRecord.Transfer("blind", agent, "queue:" + queue));
        calls.add(call);
        // Who is calling decides their place in line (tier, VIP), so the lookup comes first. It has a deadline.
        actions.screenPop(call.callerNumber).thenAccept(pop -> owner.execute(() -> {
            if (call.stage != InboundCall.Stage.LOOKUP) {
                return;
            }
            call.pop = pop;
            pop.customer().ifPresent(c -> call.customerId = c.customer().id());
            String recordTier = pop.customer().map(c -> c.customer().tier()).orElse(null);
            call.caller = CallerVariables.profile(ch, recordTier);
            call.skills = CallerVariables.skills(ch, callSkills, call.waitingSince);
            call.callData = CallerVariables.ivrData(ch);
            call.ivrPath = CallerVariables.ivrPath(ch);
            call.tier = call.caller.tier();
            timers.arrive(call, scheduler.clock().instant());
        }));
    }

    // ---- called by QueueRuleTimers -----------------------------------------------------------------

    QueueSetup queue(String name) {
        return queues.get(name);
    }

    RoutingEngine engine() {
        return engine;
    }

    AcdRecorder recorder() {
        return recorder;
    }

    AcdActions actions() {
        return actions;
    }

    AcdSettings settings() {
        return settings;
    }

    InboundCall call(String callId) {
        return calls.byId(callId);
    }

    CallTable calls() {
        return calls;
    }

    CallbackFlow callbacks() {
        return callbacks;
    }

    AgentLegFlow legs() {
        return legs;
    }

    WrapUps wrapUps() {
        return wrapUps;
    }

    /** Every agent's session, for the dialer's view of them ({@link OutboundAgents}); on the owner only. */
    Collection<AgentSession> sessions() {
        return agents.values();
    }

    /** Runs {@code watcher} on the owner after every agent state change. */
    void watchAgents(Runnable watcher) {
        states.watch(watcher);
    }

    AgentSession agentOrNull(String agentId) {
        return agents.get(agentId);
    }

    Optional<String> channelVariable(String uniqueId, String name) {
        return uniqueId == null ? Optional.empty() : channels.get(uniqueId).flatMap(ch -> ch.variable(name));
    }

    QueueRuleTimers timers() {
        return timers;
    }

    /** Agent state changes from the callback flow. */
    void agentReadyAgain(AgentSession agent) {
        change(agent, AgentState.READY, null, true);
        dispatch();
    }

    void connected(InboundCall call, AgentSession agent) {
        call.stage = InboundCall.Stage.CONNECTED;
        call.answeredAt = scheduler.clock().instant();
        change(agent, AgentState.ON_CALL, null, false);
        mirror.connected(call);
        actions.notify(new DesktopEvent.CallConnected(agent.profile.id(), call.answeredAt, call.callId));
        actions.bridge(call.callerChannel, call.agentLegChannel);
    }

    /** The caller left the queues (voicemail, callback, ...): the PBX has them now. */
    void leftQueues(InboundCall call, String outcome) {
        call.stage = InboundCall.Stage.ENDED;
        call.cancelWaitingTimers();
        calls.remove(call);
        actions.record(call, scheduler.clock().instant(), outcome);
    }

    void dispatch() {
        if (!role.holding()) {
            return;
        }
        desk.scheduled().offerToFreeAgents(); // a due "to me" callback goes to its agent before any queue call
        Instant now = scheduler.clock().instant();
        long started = System.nanoTime();
        List<Decision> decisions = engine.route(now);
        routing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        for (Decision d : decisions) {
            legs.offer(calls.byId(d.callId()), agents.get(d.agentId()), now);
        }
        engine.nextStepAt(now).ifPresent(at -> timers.routeAgainAt(at, now));
    }

    boolean agreedToSurvey(InboundCall call) {
        return call.callerUniqueId != null && channels.get(call.callerUniqueId).map(CallerVariables::agreedToSurvey).orElse(false);
    }

    // ---- agent state -------------------------------------------------------------------------------

    private AgentSession agent(String agentId) {
        AgentSession a = agents.get(agentId);
        if (a == null) {
            throw new IllegalArgumentException("unknown agent \"" + agentId + "\"");
        }
        return a;
    }

    private static void requireIdle(AgentSession a, String what) {
        if (a.callId != null) {
            throw new IllegalStateException("agent " + a.profile.id() + " cannot " + what + " while "
                + a.state.name().toLowerCase().replace('_', ' ') + " on call " + a.callId);
        }
    }

    AgentStatus change(AgentSession a, AgentState state, String reason, boolean clearCall) {
        return states.change(a, state, reason, clearCall);
    }

    // ---- the floor (see "Several CTI nodes" in ARCHITECTURE.md) -------------------------------------------

    /**
     * The node's lease claim succeeded under {@code tenure}: this ACD takes the calls and agents over ({@link Takeover}) and
     * routes. Completes once it does; a renewal (the same tenure again) changes nothing.
     */
    public CompletionStage<Void> takeFloor(FloorLease.Tenure tenure) {
        return takeover.take(tenure, ports);
    }

    /** Still the holder under a new epoch (the store lost the lease: Redis restarted empty): what this node knows is written back. */
    public CompletionStage<Void> keepFloorUnder(FloorLease.Tenure tenure) {
        return onOwner(() -> takeover.rewrite(tenure));
    }

    /** The lease is lost or the node stops: routing stops at once; calls in progress are left to the PBX and the next holder. */
    public void leaveFloor() {
        role.stop();
        owner.execute(takeover::clear);
    }

    /** Whether this node routes now. */
    public boolean holdsFloor() {
        return role.holding();
    }

    /** A booking told this node another holds the floor (on the owner). */
    void loseFloor() {
        role.stop();
        takeover.clear();
    }

    FloorRole role() {
        return role;
    }

    LiveCallMirror mirror() {
        return mirror;
    }

    CallEnds ends() {
        return ends;
    }

    /** An agent's command: refused on a standby (the node that holds the floor answers it). */
    private <T> CompletionStage<T> onFloor(Supplier<T> work) {
        return onOwner(() -> {
            role.requireFloor();
            return work.get();
        });
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

    /** For wiring code that needs to run on the ACD's owner. */
    public Executor owner() {
        return owner;
    }

    /** Desk extensions, click-to-dial and scheduled callbacks ({@link AgentDesk}); its methods hop onto the owner. */
    public AgentDesk desk() {
        return desk;
    }

    /** Supervisors' roster of agents and moves between queues ({@link AgentRoster}); its methods hop onto the owner. */
    public AgentRoster roster() {
        return new AgentRoster(this, scheduler, agents, timers);
    }
}

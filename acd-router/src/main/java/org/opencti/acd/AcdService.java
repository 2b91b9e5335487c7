package org.opencti.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.call.ChannelTracker;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * The inbound call flow: a caller reaching the hold context is queued, offered to an agent (reserve, pop,
 * then originate the agent leg), bridged when the agent answers, and the agent wraps up after the call.
 * All state lives on one owner; every public method hops onto it.
 */
public final class AcdService implements PbxEventListener {
    private final AcdSettings settings;
    private final Router router;
    private final SingleWriter owner;
    private final Scheduler scheduler;
    private final ChannelTracker channels = new ChannelTracker();
    private final Map<String, AgentSession> agents = new HashMap<>();
    private final CallTable calls = new CallTable();
    private final AcdActions actions;
    private final Counter offered;

    public AcdService(AcdSettings settings, Router router, List<AgentProfile> profiles, AcdPorts ports,
                      SingleWriter owner, Scheduler scheduler, MeterRegistry meters) {
        this.settings = settings;
        this.router = router;
        this.owner = owner;
        this.scheduler = scheduler;
        Instant now = scheduler.clock().instant();
        profiles.forEach(p -> agents.put(p.id(), new AgentSession(p, now)));
        this.actions = new AcdActions(ports, owner, meters);
        this.offered = meters.counter("cti.calls.offered");
    }

    /** The PBX gateway calls this on its delivery thread; the work moves to the owner. */
    @Override
    public void onPbxEvent(PbxEvent event) {
        owner.execute(() -> handle(event));
    }

    public CompletionStage<AgentStatus> login(String agentId) {
        return onOwner(() -> change(agent(agentId), AgentState.NOT_READY, "logged in", true));
    }

    public CompletionStage<AgentStatus> ready(String agentId) {
        return onOwner(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "go ready");
            AgentStatus s = change(a, AgentState.READY, null, true);
            dispatch();
            return s;
        });
    }

    public CompletionStage<AgentStatus> notReady(String agentId, String reason) {
        return onOwner(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "go not ready");
            return change(a, AgentState.NOT_READY, reason == null || reason.isBlank() ? "not ready" : reason, true);
        });
    }

    public CompletionStage<AgentStatus> logout(String agentId) {
        return onOwner(() -> {
            AgentSession a = agent(agentId);
            requireIdle(a, "log out");
            return change(a, AgentState.LOGGED_OUT, null, true);
        });
    }

    public CompletionStage<Optional<AgentStatus>> status(String agentId) {
        return onOwner(() -> Optional.ofNullable(agents.get(agentId)).map(AgentSession::status));
    }

    public CompletionStage<List<WaitingCall>> waitingCalls() {
        return onOwner(router::waitingCalls);
    }

    /** Channels the ACD still indexes; for tests that prove ended calls are forgotten. */
    CompletionStage<Integer> followedChannelCount() {
        return onOwner(calls::channelCount);
    }

    /** Calls the ACD is following (waiting, offered, ringing or connected). */
    public CompletionStage<Integer> liveCallCount() {
        return onOwner(calls::size);
    }

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

    private AgentStatus change(AgentSession a, AgentState state, String reason, boolean clearCall) {
        owner.assertOwner();
        Instant now = scheduler.clock().instant();
        a.state = state;
        a.reason = reason;
        a.since = now;
        a.epoch++;
        if (clearCall) {
            a.callId = null;
        }
        if (state == AgentState.READY) {
            router.agentReady(a.profile.id(), now);
        } else {
            router.agentUnavailable(a.profile.id());
        }
        AgentStatus status = a.status();
        actions.publish(status, new DesktopEvent.AgentStateChanged(a.profile.id(), now, state, reason));
        return status;
    }

    private void handle(PbxEvent event) {
        owner.assertOwner();
        Optional<ChannelTracker.TrackedChannel> ch = channels.apply(event);
        if (event instanceof PbxEvent.DialplanStep step && settings.holdContext().equals(step.context())) {
            ch.ifPresent(this::callerOnHold);
        } else if (event instanceof PbxEvent.ChannelHungUp hung) {
            channelGone(hung.channel().uniqueId());
        } else if (event instanceof PbxEvent.ChannelsResynced resynced) {
            reconcile(resynced);
        }
    }

    private void callerOnHold(ChannelTracker.TrackedChannel ch) {
        if (calls.byChannel(ch.uniqueId()) != null) {
            return;
        }
        String queue = ch.variable(settings.queueVariable()).filter(router::hasQueue).orElse(settings.defaultQueue());
        InboundCall call = new InboundCall("c-" + ch.uniqueId(), ch.uniqueId(), ch.linkedId(), ch.name(),
            ch.callerIdNum(), ch.callerIdName(), queue, scheduler.clock().instant());
        calls.add(call);
        router.enqueue(new WaitingCall(call.callId, queue, call.waitingSince));
        dispatch();
    }

    private void dispatch() {
        for (Assignment a : router.dispatch()) {
            InboundCall call = calls.byId(a.callId());
            AgentSession agent = agents.get(a.agentId());
            call.stage = InboundCall.Stage.OFFERED;
            call.agentId = agent.profile.id();
            call.attempt++;
            agent.callId = call.callId;
            change(agent, AgentState.RESERVED, null, false);
            offered.increment();
            Instant now = scheduler.clock().instant();
            actions.notify(new DesktopEvent.CallOffered(agent.profile.id(), now, call.callId, call.callerNumber, call.queue));
            int attempt = call.attempt;
            // The agent leg is originated only once the pop is out (found, unknown or degraded at the deadline),
            // so the agent sees who is calling before any phone can answer.
            actions.screenPop(call.callerNumber).thenAccept(pop -> owner.execute(() -> {
                if (call.stage != InboundCall.Stage.OFFERED || call.attempt != attempt) {
                    return;
                }
                pop.customer().ifPresent(c -> call.customerId = c.customer().id());
                actions.notify(new DesktopEvent.ScreenPopped(agent.profile.id(), scheduler.clock().instant(), call.callId, pop));
                ringAgent(call, agent);
            }));
        }
    }

    private void ringAgent(InboundCall call, AgentSession agent) {
        call.stage = InboundCall.Stage.RINGING;
        change(agent, AgentState.RINGING, null, false);
        Duration ring = router.queue(call.queue).ringTimeout();
        int attempt = call.attempt;
        actions.originateAgentLeg(call, agent.profile, settings.agentLegContext(), ring, (result, failure) -> {
            if (call.attempt != attempt) {
                return;
            }
            if (failure != null || result == null || !result.success()) {
                ringNoAnswer(call, agent);
            } else {
                agentAnswered(call, agent, result);
            }
        });
    }

    private void agentAnswered(InboundCall call, AgentSession agent, PbxEvent.OriginateCompleted result) {
        call.agentLegUniqueId = result.uniqueId();
        call.agentLegChannel = result.channelName();
        if (call.stage == InboundCall.Stage.ENDED) {
            // The caller left while the agent's phone rang: release the agent leg and the agent.
            actions.hangup(call.agentLegChannel);
            change(agent, AgentState.READY, null, true);
            dispatch();
            return;
        }
        calls.indexAgentLeg(call);
        call.stage = InboundCall.Stage.CONNECTED;
        call.answeredAt = scheduler.clock().instant();
        change(agent, AgentState.ON_CALL, null, false);
        actions.notify(new DesktopEvent.CallConnected(agent.profile.id(), call.answeredAt, call.callId));
        actions.bridge(call.callerChannel, call.agentLegChannel);
    }

    private void ringNoAnswer(InboundCall call, AgentSession agent) {
        change(agent, AgentState.NOT_READY, "ring no answer", true);
        actions.notify(new DesktopEvent.CallEnded(agent.profile.id(), scheduler.clock().instant(), call.callId, "not answered"));
        if (call.stage == InboundCall.Stage.ENDED) {
            dispatch();
            return;
        }
        // Back to the head of the line: the call keeps the instant it started waiting.
        call.stage = InboundCall.Stage.WAITING;
        call.agentId = null;
        router.enqueue(new WaitingCall(call.callId, call.queue, call.waitingSince));
        dispatch();
    }

    private void channelGone(String uniqueId) {
        InboundCall call = calls.byChannel(uniqueId);
        if (call == null || call.stage == InboundCall.Stage.ENDED) {
            return;
        }
        boolean callerLeft = uniqueId.equals(call.callerUniqueId);
        InboundCall.Stage was = call.stage;
        call.stage = InboundCall.Stage.ENDED;
        Instant now = scheduler.clock().instant();
        switch (was) {
            case WAITING -> {
                router.remove(call.callId);
                calls.remove(call);
                actions.record(call, now, "abandoned");
            }
            case OFFERED -> {
                calls.remove(call);
                AgentSession a = agents.get(call.agentId);
                actions.notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, "caller hung up"));
                change(a, AgentState.READY, null, true);
                actions.record(call, now, "abandoned");
                dispatch();
            }
            case RINGING -> {
                // The originate is still pending: its completion releases the agent (see agentAnswered).
                calls.remove(call);
                actions.record(call, now, "abandoned");
            }
            case CONNECTED -> {
                calls.remove(call);
                actions.hangup(callerLeft ? call.agentLegChannel : call.callerChannel);
                AgentSession a = agents.get(call.agentId);
                String why = callerLeft ? "caller hung up" : "agent hung up";
                actions.notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, why));
                wrapUp(a, router.queue(call.queue).wrapUp());
                actions.record(call, now, "answered");
            }
            default -> { }
        }
    }

    private void wrapUp(AgentSession a, Duration wrap) {
        change(a, AgentState.WRAP_UP, null, true);
        long epoch = a.epoch;
        scheduler.schedule(wrap, () -> owner.execute(() -> {
            if (a.epoch == epoch && a.state == AgentState.WRAP_UP) {
                change(a, AgentState.READY, null, true);
                dispatch();
            }
        }));
    }

    /** After a reconnect or restart the PBX's channel list is the truth: end what is gone, queue what we missed. */
    private void reconcile(PbxEvent.ChannelsResynced resynced) {
        for (InboundCall call : new ArrayList<>(calls.all())) {
            boolean callerLive = channels.isLive(call.callerUniqueId);
            boolean legLive = call.agentLegUniqueId == null || channels.isLive(call.agentLegUniqueId);
            if (!callerLive) {
                channelGone(call.callerUniqueId);
            } else if (call.stage == InboundCall.Stage.CONNECTED && !legLive) {
                channelGone(call.agentLegUniqueId);
            }
        }
        for (var live : resynced.channels()) {
            if (settings.holdContext().equals(live.context()) && (live.bridgeId() == null || live.bridgeId().isEmpty())) {
                channels.get(live.channel().uniqueId()).ifPresent(this::callerOnHold);
            }
        }
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
}

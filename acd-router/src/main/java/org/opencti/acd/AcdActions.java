package org.opencti.acd;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.time.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's side effects, kept out of its decisions: PBX actions, desktop pushes and the blocking writes.
 * Completions come back onto the owner; blocking writes go to the worker.
 */
final class AcdActions {
    private static final Logger LOG = LoggerFactory.getLogger(AcdActions.class);

    /** Set on the agent leg of a recorded queue: the dialplan's [agent-leg] starts MixMonitor when it is "yes". */
    static final String RECORD = "CTI_RECORD";

    private final AcdPorts ports;
    private final SingleWriter owner;
    private final MeterRegistry meters;
    /** False on a standby: whatever a late answer or timer still decides there reaches neither the PBX nor the stores. */
    private final BooleanSupplier onFloor;

    AcdActions(AcdPorts ports, SingleWriter owner, MeterRegistry meters, BooleanSupplier onFloor) {
        this.ports = ports;
        this.owner = owner;
        this.meters = meters;
        this.onFloor = onFloor;
    }

    private boolean standby(String what, Object which) {
        if (onFloor.getAsBoolean()) {
            return false;
        }
        LOG.debug("not holding the floor: {} {} dropped", what, which);
        return true;
    }

    void publish(AgentStatus status, DesktopEvent event) {
        if (standby("agent state", status)) {
            return;
        }
        ports.desktops().notify(event);
        storeState(status);
    }

    /**
     * Handed to the shared store from the owner's thread without waiting: the writes reach it in the order made, so the
     * store ends with the agent's last state, which the next floor holder rebuilds from.
     */
    void storeState(AgentStatus status) {
        try {
            ports.agentStates().putAsync(status).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("could not store state of agent {}: {}", status.agentId(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not store state of agent {}: {}", status.agentId(), e.toString());
        }
    }

    void notify(DesktopEvent event) {
        if (standby("desktop event", event)) {
            return;
        }
        ports.desktops().notify(event);
    }

    /** Where blocking work goes (the stores, the do-not-call check); never the ACD's own thread. */
    Executor worker() {
        return ports.worker();
    }

    DeskPorts desk() {
        return ports.desk();
    }

    CompletionStage<ScreenPop> screenPop(String callerNumber) {
        return ports.pops().lookup(callerNumber);
    }

    void originateAgentLeg(InboundCall call, AgentProfile agent, String context, Duration ring,
                           BiConsumer<PbxEvent.OriginateCompleted, Throwable> onOwner) {
        if (standby("originate for", call.callId)) {
            return;
        }
        Map<String, String> variables = call.recording == null ? Map.of("CTI_CALL_ID", call.callId, "CTI_AGENT", agent.id())
            : Map.of("CTI_CALL_ID", call.callId, "CTI_AGENT", agent.id(), RECORD, "yes");
        // On the caller's box (several Asterisk boxes): only there can the leg be bridged with them. A callback has no caller yet.
        OriginateRequest request = new OriginateRequest(call.originateReference(), agent.phone(), context, "s", 1,
            call.callerIdForAgent(), ring, variables).sameBoxAs(call.callerChannel);
        ports.pbx().originate(request).whenComplete((result, failure) -> owner.execute(() -> onOwner.accept(result, failure)));
    }

    /** Dials the customer of a callback; once answered they wait in {@code context} to be bridged. */
    void originateCustomer(InboundCall call, String outboundContext, String context, Duration ring,
                           BiConsumer<PbxEvent.OriginateCompleted, Throwable> onOwner) {
        if (standby("customer originate for", call.callId)) {
            return;
        }
        OriginateRequest request = new OriginateRequest(call.originateReference() + "/customer",
            "Local/" + call.callerNumber + "@" + outboundContext, context, "s", 1, null, ring,
            Map.of("CTI_CALL_ID", call.callId, "CTI_QUEUE", call.queue)).sameBoxAs(call.agentLegChannel);
        ports.pbx().originate(request).whenComplete((result, failure) -> owner.execute(() -> onOwner.accept(result, failure)));
    }

    /** Rings the target of a consultation (an agent's phone or an outside number); the result comes back on the owner. */
    void originate(OriginateRequest request, BiConsumer<PbxEvent.OriginateCompleted, Throwable> onOwner) {
        if (standby("originate", request.reference())) {
            return;
        }
        ports.pbx().originate(request).whenComplete((result, failure) -> owner.execute(() -> onOwner.accept(result, failure)));
    }

    /**
     * PBX actions that must reach the PBX in this order (a Redirect only after the Setvars it depends on, a Hangup only
     * after the Bridge that left that channel alone). The gateway sends actions from a pool, so each step waits for the
     * answer to the one before; a failed step is logged and the next still runs. Completes when the last has answered.
     */
    @SafeVarargs
    final CompletionStage<Void> inOrder(String what, Function<PbxGateway, CompletionStage<Void>>... steps) {
        if (standby(what, "")) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Function<PbxGateway, CompletionStage<Void>> step : steps) {
            chain = chain.thenCompose(ignored -> step.apply(ports.pbx()).exceptionally(failure -> {
                LOG.warn("{}: a step failed: {}", what, failure.toString());
                return null;
            }));
        }
        return chain;
    }

    void bridge(String channel1, String channel2) {
        if (standby("bridge", channel1)) {
            return;
        }
        ports.pbx().bridge(channel1, channel2).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("bridge {} + {} failed: {}", channel1, channel2, failure.toString());
            }
        });
    }

    void redirect(String channel, String context, String exten) {
        if (standby("redirect", channel)) {
            return;
        }
        ports.pbx().redirect(channel, context, exten, 1).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("redirect of {} to {},{},1 failed: {}", channel, context, exten, failure.toString());
            }
        });
    }

    void redirectBoth(String channel, String context, String extraChannel, String extraContext) {
        redirectBoth(channel, context, "s", extraChannel, extraContext, "s");
    }

    void redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext, String extraExten) {
        if (standby("redirect", channel)) {
            return;
        }
        ports.pbx().redirectBoth(channel, context, exten, extraChannel, extraContext, extraExten).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("redirect of {} and {} failed: {}", channel, extraChannel, failure.toString());
            }
        });
    }

    void setVariable(String channel, String name, String value) {
        if (standby("setvar", channel)) {
            return;
        }
        ports.pbx().setVariable(channel, name, value).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("setting {} on {} failed: {}", name, channel, failure.toString());
            }
        });
    }

    void hangup(String channel) {
        if (standby("hangup", channel)) {
            return;
        }
        if (channel == null) {
            return;
        }
        ports.pbx().hangup(channel).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("hangup of {} failed (probably gone already): {}", channel, failure.toString());
            }
        });
    }

    /** An agent leg answered after this node left the floor: nobody will bridge it, so it is hung up, standby or not. */
    void hangupStray(String channel) {
        ports.pbx().hangup(channel).whenComplete((ok, failure) -> LOG.info("hung up {}, answered after the floor was left", channel));
    }

    /** The key of a call's history row: a replay of the same events writes nothing twice. */
    static String interactionKey(InboundCall call) {
        // A callback is its own interaction: it must not collide with the call that asked for it. Nor may a campaign call
        // (its customer's channel is the key, the nailed-up leg serving many calls), nor an agent's click-to-dial.
        return (call.agentDialed ? "outbound:" : call.callback ? "callback:" : call.outbound ? "outbound:" : "") + call.linkedId
            + (call.agentLegUniqueId == null ? "" : "/" + call.agentLegUniqueId);
    }

    /** The file the dialplan's MixMonitor records a call to (see [agent-leg]): the call id, as CTI_CALL_ID has it. */
    static String recordingOf(InboundCall call) {
        return call.callId + ".wav";
    }

    /**
     * Writes the call's history row on the worker. The IVR path and data go with it, and the recording when the call
     * was answered by a leg that recorded; the after-call work comes later ({@link #wrapUp}), chained on
     * {@code call.historyWritten}.
     */
    void record(InboundCall call, Instant endedAt, String outcome) {
        if (standby("history of", call.callId)) {
            return;
        }
        meters.counter("cti.calls.ended", "outcome", outcome).increment();
        String key = interactionKey(call);
        Map<String, String> ivrData = new LinkedHashMap<>(call.callData);
        ivrData.remove(CallerVariables.IVR_PATH); // kept in its own column
        String recording = call.answeredAt == null ? null : call.recording;
        String channel = call.outbound || call.agentDialed ? "outbound" : "voice";
        InteractionRecord record = new InteractionRecord(key, call.customerId, call.callerNumber, channel, call.queue, call.agentId,
            call.waitingSince, call.answeredAt, endedAt, outcome, null, call.callId, call.tier, call.holdSeconds, call.transfer,
            call.ivrPath, ivrData, recording, null, null);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        call.historyStored = stored;
        call.historyWritten = CompletableFuture.runAsync(() -> {
            try {
                ports.history().record(record, () -> stored.complete(null));
            } catch (RuntimeException e) {
                LOG.error("could not write interaction {}: {}", key, e.toString());
            }
        }, ports.worker());
    }

    /**
     * Hands the after-call work to the interaction log once {@code after} (the row's insert, or the update before this)
     * was handed over: the worker runs writes in any order, the log writes them in the order handed over, so an update
     * never reaches the log before its row. Returns the stage the next update must follow.
     */
    CompletionStage<Void> wrapUp(CompletionStage<Void> after, WrapUpRecord update) {
        if (standby("wrap-up of", update.key())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> previous = after == null ? CompletableFuture.completedFuture(null) : after;
        return previous.thenRunAsync(() -> {
            try {
                ports.history().wrapUp(update);
            } catch (RuntimeException e) {
                LOG.error("could not write the wrap-up of interaction {}: {}", update.key(), e.toString());
            }
        }, ports.worker());
    }
}

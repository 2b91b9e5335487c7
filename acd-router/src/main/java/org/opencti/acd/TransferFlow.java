package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.time.Scheduler;

/**
 * The agent on a call hands the caller on. Each agent's part is a leg of its own in the history, and the transfer
 * (who, how, to where) is written with both legs.
 * <ul>
 * <li>Blind to a queue: the caller's channel gets the transfer variables and is redirected to the hold context, where
 * they arrive like any caller (the target queue's rules apply) and keep their call data (CTI_IVR_DATA).</li>
 * <li>Blind to an agent: only to one who is ready; the caller waits with music and the agent is offered the call.
 * Blind to a number: the caller is redirected to the outbound context with the number as extension.</li>
 * <li>Attended: the caller waits with music, the agent's leg waits in the consult context and is bridged with the
 * target once it answers; complete bridges the caller with the target, cancel brings the agent back.</li>
 * </ul>
 * Only AMI Redirect, Originate, Bridge, Setvar and Hangup are used, as captured from Asterisk 22 (03 part A, 04 part B, 02);
 * steps that depend on each other are sent one after the other ({@link AcdActions#inOrder}).
 * Runs on the ACD's owner.
 */
final class TransferFlow {
    static final String TRANSFERRED_BY = "CTI_TRANSFERRED_BY";
    static final String TRANSFER_NOTE = "CTI_TRANSFER_NOTE";
    /** The call id the caller's next leg takes when it reaches hold after a transfer to a queue. */
    static final String TRANSFER_LEG = "CTI_TRANSFER_LEG";
    private static final String IVR_DATA = "CTI_IVR_DATA";
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Duration NUMBER_RING = Duration.ofSeconds(30);

    private final AcdService acd;
    private final Scheduler scheduler;
    private long legs;

    TransferFlow(AcdService acd, Scheduler scheduler) {
        this.acd = acd;
        this.scheduler = scheduler;
    }

    AgentStatus transfer(AgentSession a, InboundCall call, TransferRequest r) {
        if (call.consult != null) {
            throw new IllegalStateException("agent " + a.profile.id() + " is already consulting " + call.consult.target.describe()
                + ": complete or cancel that first");
        }
        AgentSession target = checkTarget(a, r);
        return r.kind() == TransferRequest.Kind.BLIND ? blind(a, call, r, target) : consult(a, call, r, target);
    }

    private AgentSession checkTarget(AgentSession a, TransferRequest r) {
        TransferRequest.Target t = r.target();
        switch (t.type()) {
            case QUEUE -> {
                if (acd.queue(t.value()) == null) {
                    throw new TransferRequest.BadField("queue", "unknown queue \"" + t.value() + "\"");
                }
                if (r.kind() == TransferRequest.Kind.ATTENDED) {
                    throw new TransferRequest.BadField("queue", "an attended transfer goes to an agent or a number, not a queue");
                }
                return null;
            }
            case NUMBER -> {
                if (!NUMBER.matcher(t.value()).matches()) {
                    throw new TransferRequest.BadField("number", "must be 3 to 20 digits, optionally after a +");
                }
                return null;
            }
            default -> {
                AgentSession b = acd.agentOrNull(t.value());
                if (b == null) {
                    throw new TransferRequest.BadField("agent", "unknown agent \"" + t.value() + "\"");
                }
                if (b == a) {
                    throw new TransferRequest.BadField("agent", "an agent cannot transfer a call to themselves");
                }
                if (b.state != AgentState.READY || b.callId != null) {
                    throw new IllegalStateException("agent " + b.profile.id() + " is not available: "
                        + b.state.name().toLowerCase().replace('_', ' ') + (b.reason == null ? "" : " (" + b.reason + ")"));
                }
                return b;
            }
        }
    }

    // ---- blind -------------------------------------------------------------------------------------

    private AgentStatus blind(AgentSession a, InboundCall call, TransferRequest r, AgentSession target) {
        Instant now = scheduler.clock().instant();
        TransferRequest.Target t = r.target();
        InteractionRecord.Transfer how = new InteractionRecord.Transfer("blind", a.profile.id(), t.describe());
        AcdSettings s = acd.settings();
        String nextId = nextLegId(call);
        switch (t.type()) {
            case QUEUE -> {
                // The Redirect only once the variables are set: the caller must reach hold (Newexten) carrying them.
                String caller = call.callerChannel;
                List<Function<PbxGateway, CompletionStage<Void>>> steps = carryOnChannel(call, a, r.note(), nextId);
                steps.add(pbx -> pbx.setVariable(caller, s.queueVariable(), t.value()));
                steps.add(pbx -> pbx.redirect(caller, s.holdContext(), "s", 1));
                endLeg(a, call, how, t, now);
                run("blind transfer of " + call.callId + " to " + how.target(), steps);
            }
            case AGENT -> {
                String caller = call.callerChannel;
                List<Function<PbxGateway, CompletionStage<Void>>> steps = carryOnChannel(call, a, r.note(), nextId);
                steps.add(pbx -> pbx.redirect(caller, s.onHoldContext(), "s", 1));
                endLeg(a, call, how, t, now);
                run("blind transfer of " + call.callId + " to " + how.target(), steps);
                InboundCall next = call.nextLeg(nextId, carried(call, a, r.note()), how, now);
                acd.calls().add(next);
                acd.legs().offer(next, target, now);
            }
            default -> {
                endLeg(a, call, how, t, now);
                acd.actions().redirect(call.callerChannel, s.outboundContext(), t.value());
            }
        }
        return a.status();
    }

    // ---- attended ----------------------------------------------------------------------------------

    private AgentStatus consult(AgentSession a, InboundCall call, TransferRequest r, AgentSession target) {
        Instant now = scheduler.clock().instant();
        AcdSettings s = acd.settings();
        Consultation c = new Consultation(r.target(), r.note(), nextLegId(call), target, now);
        call.consult = c;
        String caller = call.callerChannel;
        String agentLeg = call.agentLegChannel;
        // The target is rung only once caller and agent are out of their bridge: a target answering at once would
        // otherwise be bridged with the agent's leg while the caller was still in the bridge, left alone there.
        CompletionStage<Void> parked = acd.actions().inOrder("consultation for " + call.callId,
            pbx -> pbx.redirectBoth(caller, s.onHoldContext(), "s", agentLeg, s.consultContext(), "s"));
        AgentStatus status = acd.change(a, AgentState.ON_HOLD, "consulting " + r.target().describe(), false);
        OriginateRequest ring;
        if (target != null) {
            target.callId = c.nextCallId;
            acd.change(target, AgentState.RESERVED, null, false);
            acd.actions().notify(new DesktopEvent.CallOffered(target.profile.id(), now, c.nextCallId, call.callerNumber, call.queue));
            acd.actions().notify(new DesktopEvent.ScreenPopped(target.profile.id(), now, c.nextCallId, call.pop,
                carried(call, a, r.note())));
            acd.change(target, AgentState.RINGING, null, false);
            ring = new OriginateRequest(c.nextCallId + "/consult", target.profile.phone(), s.agentLegContext(), "s", 1,
                call.callerIdForAgent(), acd.queue(call.queue).ringTimeout(),
                Map.of("CTI_CALL_ID", c.nextCallId, "CTI_AGENT", target.profile.id()));
        } else {
            ring = new OriginateRequest(c.nextCallId + "/consult", "Local/" + r.target().value() + "@" + s.outboundContext(),
                s.customerLegContext(), "s", 1, null, NUMBER_RING, Map.of("CTI_CALL_ID", c.nextCallId));
        }
        parked.thenRun(() -> acd.owner().execute(() -> {
            if (call.consult == c) {
                // Bridged with the agent's leg, then with the caller: on their box when there are several.
                acd.actions().originate(ring.sameBoxAs(agentLeg), (result, failure) -> consultRang(a, call, c, result, failure));
            }
        }));
        return status;
    }

    private void consultRang(AgentSession a, InboundCall call, Consultation c, PbxEvent.OriginateCompleted result, Throwable failure) {
        boolean answered = failure == null && result != null && result.success();
        if (call.consult != c) {
            // Cancelled, or the call ended, while the target rang: a phone answered now must not stay up.
            if (answered) {
                acd.actions().hangup(result.channelName());
            }
            return;
        }
        Instant now = scheduler.clock().instant();
        if (!answered) {
            call.consult = null;
            if (c.agent != null) {
                acd.recorder().ringNoAnswer(call, c.agent.profile.id(), now);
                acd.change(c.agent, AgentState.NOT_READY, "ring no answer", true);
                acd.actions().notify(new DesktopEvent.CallEnded(c.agent.profile.id(), now, c.nextCallId, "not answered"));
            }
            backToCaller(a, call);
            return;
        }
        c.answered = true;
        c.legUniqueId = result.uniqueId();
        c.legChannel = result.channelName();
        acd.calls().indexChannel(c.legUniqueId, call);
        if (c.agent != null) {
            acd.change(c.agent, AgentState.ON_CALL, "consultation", false);
            acd.actions().notify(new DesktopEvent.CallConnected(c.agent.profile.id(), now, c.nextCallId));
        }
        acd.actions().bridge(call.agentLegChannel, c.legChannel);
    }

    /** The caller is bridged with the consulted party; the transferring agent's leg is hung up and they wrap up. */
    AgentStatus complete(AgentSession a, InboundCall call) {
        Consultation c = call.consult;
        if (c == null || !c.answered) {
            throw new IllegalStateException("agent " + a.profile.id() + (c == null ? " is not consulting anyone"
                : " cannot complete yet: " + c.target.describe() + " has not answered"));
        }
        finish(a, call, c, true);
        return a.status();
    }

    private void finish(AgentSession a, InboundCall call, Consultation c, boolean hangUpAgentLeg) {
        Instant now = scheduler.clock().instant();
        InteractionRecord.Transfer how = new InteractionRecord.Transfer("attended", a.profile.id(), c.target.describe());
        call.consult = null;
        acd.calls().unindexChannel(c.legUniqueId);
        String agentLeg = call.agentLegChannel;
        String caller = call.callerChannel;
        List<Function<PbxGateway, CompletionStage<Void>>> steps = c.agent != null ? carryOnChannel(call, a, c.note, c.nextCallId)
            : new ArrayList<>();
        endLeg(a, call, how, c.target, now);
        if (c.agent != null) {
            InboundCall next = call.nextLeg(c.nextCallId, carried(call, a, c.note), how, now);
            next.agentId = c.agent.profile.id();
            next.offeredAt = c.startedAt;
            next.agentLegUniqueId = c.legUniqueId;
            next.agentLegChannel = c.legChannel;
            next.stage = InboundCall.Stage.CONNECTED;
            next.answeredAt = now;
            acd.calls().add(next);
            acd.calls().indexAgentLeg(next);
            acd.recorder().answered(next, next.agentId, now);
            acd.change(c.agent, AgentState.ON_CALL, null, false);
        }
        // The bridge first: the agent's leg then stands alone in the consult context and is hung up.
        steps.add(pbx -> pbx.bridge(caller, c.legChannel));
        if (hangUpAgentLeg) {
            steps.add(pbx -> pbx.hangup(agentLeg));
        }
        run("completing the transfer of " + call.callId, steps);
    }

    /**
     * Caller, agent and consulted party in one conference (ConfBridge in [cti-conference], the room named by the caller's
     * Uniqueid digits). Complete then takes the agent out (the caller and the target go on in a plain bridge), cancel
     * drops the target; whoever hangs up, the rules of a consultation apply.
     */
    AgentStatus conference(AgentSession a, InboundCall call) {
        Consultation c = call.consult;
        if (c == null || !c.answered || c.conference) {
            throw new IllegalStateException("agent " + a.profile.id() + " cannot start a conference: " + (c == null
                ? "no consultation in progress" : c.conference ? "already in one" : c.target.describe() + " has not answered"));
        }
        c.conference = true;
        String room = call.callerUniqueId.replaceAll("[^0-9]", "");
        String context = acd.settings().conferenceContext();
        // The target first: the agent's leg, left alone in the consult bridge, waits on in [cti-consult]; the other way round
        // the target's leg would be alone and run its after-bridge Hangup.
        String caller = call.callerChannel;
        String agentLeg = call.agentLegChannel;
        acd.actions().inOrder("conference for " + call.callId, pbx -> pbx.redirect(c.legChannel, context, room, 1),
            pbx -> pbx.redirectBoth(caller, context, room, agentLeg, context, room));
        if (c.agent != null) {
            acd.change(c.agent, AgentState.ON_CALL, "conference", false);
        }
        return acd.change(a, AgentState.ON_CALL, "conference with " + c.target.describe(), false);
    }

    /** The agent goes back to their caller; the consulted party is released. */
    AgentStatus cancel(AgentSession a, InboundCall call) {
        Consultation c = call.consult;
        if (c == null) {
            throw new IllegalStateException("agent " + a.profile.id() + " is not consulting anyone");
        }
        call.consult = null;
        acd.calls().unindexChannel(c.legUniqueId);
        release(c, "consultation cancelled");
        String caller = call.callerChannel;
        String agentLeg = call.agentLegChannel;
        // After the Bridge: the consulted leg is then alone, and a phone whose dialplan would not end is hung up (one whose
        // dialplan ends after the bridge, like [agent-leg], is usually gone already).
        if (c.legChannel != null) {
            acd.actions().inOrder("cancelling the transfer of " + call.callId, pbx -> pbx.bridge(caller, agentLeg),
                pbx -> pbx.hangup(c.legChannel).exceptionally(gone -> null));
        } else {
            acd.actions().bridge(caller, agentLeg);
        }
        return acd.change(a, AgentState.ON_CALL, null, false);
    }

    /**
     * A channel of a call with a consultation went. Returns true when that is all there is to do; false when the call
     * ends as any connected call would (the consultation is already wound up).
     */
    boolean channelGone(InboundCall call, String uniqueId, AgentSession a) {
        Consultation c = call.consult;
        if (c == null) {
            return false;
        }
        if (uniqueId.equals(c.legUniqueId)) {
            call.consult = null;
            acd.calls().unindexChannel(c.legUniqueId);
            release(c, "consulted party hung up");
            backToCaller(a, call);
            return true;
        }
        if (uniqueId.equals(call.agentLegUniqueId) && c.answered) {
            // The transferring agent hung up while talking to the target: that completes the transfer, as with Atxfer.
            finish(a, call, c, false);
            return true;
        }
        call.consult = null;
        acd.calls().unindexChannel(c.legUniqueId);
        release(c, uniqueId.equals(call.callerUniqueId) ? "caller hung up" : "agent hung up");
        acd.actions().hangup(c.legChannel);
        return false;
    }

    private void release(Consultation c, String why) {
        if (c.agent != null && c.nextCallId.equals(c.agent.callId)) {
            acd.actions().notify(new DesktopEvent.CallEnded(c.agent.profile.id(), scheduler.clock().instant(), c.nextCallId, why));
            acd.agentReadyAgain(c.agent);
        }
    }

    private void backToCaller(AgentSession a, InboundCall call) {
        acd.actions().bridge(call.callerChannel, call.agentLegChannel);
        acd.change(a, AgentState.ON_CALL, null, false);
    }

    // ---- the leg that ends -------------------------------------------------------------------------

    /** The transferring agent's leg is over: its history row, the queue_log, and their wrap-up. */
    private void endLeg(AgentSession a, InboundCall call, InteractionRecord.Transfer how, TransferRequest.Target target,
                        Instant now) {
        call.stage = InboundCall.Stage.ENDED;
        call.transfer = how;
        acd.calls().remove(call);
        AcdSettings s = acd.settings();
        String context = switch (target.type()) {
            case QUEUE -> s.holdContext();
            case AGENT -> s.agentLegContext();
            case NUMBER -> s.outboundContext();
        };
        acd.recorder().transferred(call, how.kind(), target.value(), context, now);
        acd.engine().handled(a.profile.id(), Duration.between(call.answeredAt, now));
        acd.actions().record(call, now, "transferred");
        acd.actions().notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, "transferred to " + how.target()));
        acd.wrapUps().start(a, call, now);
    }

    private String nextLegId(InboundCall call) {
        return "c-" + call.callerUniqueId + "-t" + (++legs);
    }

    /** The call data with who transferred and their note, as the next agent's pop shows it. */
    private static Map<String, String> carried(InboundCall call, AgentSession a, String note) {
        Map<String, String> data = new LinkedHashMap<>(call.callData);
        data.put(TRANSFERRED_BY, a.profile.id());
        if (note != null && !note.isBlank()) {
            data.put(TRANSFER_NOTE, note);
        } else {
            data.remove(TRANSFER_NOTE);
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    private void run(String what, List<Function<PbxGateway, CompletionStage<Void>>> steps) {
        acd.actions().inOrder(what, steps.toArray(new Function[0]));
    }

    /** The same on the caller's channel, listed in CTI_IVR_DATA, so it travels wherever the caller goes next (steps to run). */
    private List<Function<PbxGateway, CompletionStage<Void>>> carryOnChannel(InboundCall call, AgentSession a, String note,
                                                                             String nextId) {
        String listed = acd.channelVariable(call.callerUniqueId, IVR_DATA).orElse("");
        StringBuilder names = new StringBuilder(listed.trim());
        for (String name : new String[] {TRANSFERRED_BY, TRANSFER_NOTE}) {
            if (!(("," + names + ",").contains("," + name + ","))) {
                names.append(names.isEmpty() ? "" : ",").append(name);
            }
        }
        String caller = call.callerChannel;
        String by = a.profile.id();
        List<Function<PbxGateway, CompletionStage<Void>>> steps = new ArrayList<>();
        steps.add(pbx -> pbx.setVariable(caller, TRANSFERRED_BY, by));
        steps.add(pbx -> pbx.setVariable(caller, TRANSFER_NOTE, note == null ? "" : note));
        steps.add(pbx -> pbx.setVariable(caller, TRANSFER_LEG, nextId));
        steps.add(pbx -> pbx.setVariable(caller, IVR_DATA, names.toString()));
        return steps;
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import org.opencti.acd.routing.QueuedCall;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * Callbacks that keep the caller's place in line. A caller who accepts the offer hangs up; a callback takes
 * their place (the instant they first reached hold) and is routed like any call. When it reaches an agent,
 * the agent's phone is rung first; once the agent is on the line the customer is dialed, and the two are
 * bridged when the customer answers. An unanswered callback goes back to its place after a pause, up to
 * three attempts. Runs on the ACD's owner.
 */
final class CallbackFlow {
    static final int MAX_ATTEMPTS = 3;
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);
    private static final Duration CUSTOMER_RING = Duration.ofSeconds(30);

    private final AcdService acd;
    private final Scheduler scheduler;
    private final SingleWriter owner;

    CallbackFlow(AcdService acd, Scheduler scheduler, SingleWriter owner) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
    }

    /** The caller accepted a callback: returns false when there is no number to call back (they stay in line). */
    boolean requested(InboundCall call) {
        if (!canCallBack(call)) {
            return false;
        }
        InboundCall back = new InboundCall("cb-" + call.callId, null, call.linkedId, null, call.callerNumber, call.callerName,
            call.queue, call.waitingSince);
        back.callback = true;
        back.caller = call.caller;
        back.tier = call.tier;
        back.pop = call.pop;
        back.customerId = call.customerId;
        acd.calls().add(back);
        enqueue(back);
        return true;
    }

    /** A withheld or odd number cannot be called back. */
    static boolean canCallBack(InboundCall call) {
        return call.callerNumber != null && call.callerNumber.matches("\\+?[0-9]{3,20}");
    }

    /** Into the line at its place (the instant it started waiting), routed like a call: also the agents' scheduled callbacks. */
    void enqueue(InboundCall back) {
        back.stage = InboundCall.Stage.WAITING;
        back.agentId = null;
        acd.engine().enqueue(new QueuedCall(back.callId, back.queue, back.waitingSince, back.caller, back.skills));
        acd.dispatch();
    }

    /** The agent is on the line: now ring the customer. */
    void dialCustomer(InboundCall call, AgentSession agent) {
        call.dialAttempts++;
        int attempt = call.attempt;
        acd.actions().originateCustomer(call, acd.settings().outboundContext(), acd.settings().customerLegContext(),
            CUSTOMER_RING, (result, failure) -> {
                boolean answered = failure == null && result != null && result.success();
                if (call.attempt != attempt || call.stage != InboundCall.Stage.DIALING) {
                    // The agent left meanwhile: a customer who answers now must not be left in silence.
                    if (answered) {
                        acd.actions().hangup(result.channelName());
                    }
                    return;
                }
                if (answered) {
                    customerAnswered(call, agent, result);
                } else {
                    customerUnreachable(call, agent, result == null ? 0 : result.reason());
                }
            });
    }

    private void customerAnswered(InboundCall call, AgentSession agent, PbxEvent.OriginateCompleted result) {
        call.callerUniqueId = result.uniqueId();
        call.callerChannel = result.channelName();
        acd.calls().indexCaller(call);
        acd.connected(call, agent);
        if (call.scheduledId != null) {
            acd.desk().scheduled().reached(call);
        }
    }

    /** {@code reason}: the OriginateResponse's (5 busy, 3 no answer; anything else did not get through). */
    private void customerUnreachable(InboundCall call, AgentSession agent, int reason) {
        Instant now = scheduler.clock().instant();
        String leg = call.agentLegChannel;
        acd.calls().unindexAgentLeg(call);
        acd.actions().hangup(leg);
        String outcome = reason == 5 ? "busy" : reason == 3 ? "no answer" : "unreachable";
        acd.actions().notify(new DesktopEvent.CallEnded(agent.profile.id(), now, call.callId, switch (outcome) {
            case "busy" -> "customer busy";
            case "no answer" -> "customer did not answer";
            default -> "customer unreachable";
        }));
        acd.agentReadyAgain(agent);
        retryOrGiveUp(call, outcome);
    }

    /** The agent hung up while the customer's phone rang: the callback goes back to its place. */
    void agentLeftWhileDialing(InboundCall call, AgentSession agent) {
        call.attempt++;
        acd.calls().unindexAgentLeg(call);
        acd.actions().notify(new DesktopEvent.CallEnded(agent.profile.id(), scheduler.clock().instant(), call.callId,
            "agent hung up"));
        acd.agentReadyAgain(agent);
        retryOrGiveUp(call, "agent hung up");
    }

    /**
     * An agent's own call (click-to-dial) is dialed once and recorded with its outcome; a callback goes back to its
     * place (or, "to me", back to its agent) for another attempt, up to {@link #MAX_ATTEMPTS}.
     */
    private void retryOrGiveUp(InboundCall call, String outcome) {
        if (call.agentDialed) {
            acd.leftQueues(call, outcome);
            return;
        }
        call.agentLegUniqueId = null;
        call.agentLegChannel = null;
        call.agentId = null;
        if (call.dialAttempts >= MAX_ATTEMPTS) {
            acd.leftQueues(call, "callback failed");
            if (call.scheduledId != null) {
                acd.desk().scheduled().failed(call);
            }
            return;
        }
        if (call.assignedAgent != null) {
            acd.desk().scheduled().retryLater(call, RETRY_AFTER);
            return;
        }
        call.stage = InboundCall.Stage.WAITING;
        String callId = call.callId;
        scheduler.schedule(RETRY_AFTER, () -> owner.execute(() -> {
            InboundCall c = acd.call(callId);
            if (c != null && c.stage == InboundCall.Stage.WAITING) {
                enqueue(c);
            }
        }));
    }
}

package org.opencti.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.opencti.acd.routing.QueuedCall;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.time.Scheduler;

/**
 * From the routing decision to the conversation: the agent is reserved and told (offer and pop), their phone
 * is rung (the agent leg is originated into the agent-leg context) and, once they answer, the leg is bridged
 * with the caller. No answer: the agent goes not ready and the call returns to the head of its line. An agent whose
 * phone is already off-hook on a nailed-up leg (they work a campaign, {@link OutboundAgents}) is not rung again: the
 * caller is bridged with that leg at once. Runs on the ACD's owner.
 */
final class AgentLegFlow {
    private final AcdService acd;
    private final Scheduler scheduler;
    private final Counter offered;
    /** The dialer's side, once it registered ({@link OutboundAgents}): it knows the agents' nailed-up legs. */
    private OutboundAgents outbound;

    AgentLegFlow(AcdService acd, Scheduler scheduler, MeterRegistry meters) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.offered = meters.counter("cti.calls.offered");
    }

    /** On the owner. */
    /** The dialer's side, or null when no dialer registered (a takeover adopts campaign conversations into it). */
    OutboundAgents outbound() {
        return outbound;
    }

    void useNailedLegs(OutboundAgents agents) {
        this.outbound = agents;
    }

    /**
     * The agent is reserved here at once, then booked in the shared store ({@link FloorRole}); only once booked are they told
     * and rung. Refused: the agent is released (not ready when booked for other work) and the call goes back to the head of
     * its line; a stale epoch makes this node leave the floor instead ({@link FloorRole#book}).
     */
    void offer(InboundCall call, AgentSession agent, Instant now) {
        call.cancelWaitingTimers();
        call.stage = InboundCall.Stage.OFFERED;
        call.agentId = agent.profile.id();
        call.attempt++;
        call.offeredAt = now;
        agent.callId = call.callId;
        acd.role().claim(agent, "call:" + call.callId);
        acd.change(agent, AgentState.RESERVED, null, false);
        int attempt = call.attempt;
        acd.role().book(agent, booking -> {
            if (call.attempt != attempt || call.stage != InboundCall.Stage.OFFERED || !call.callId.equals(agent.callId)) {
                return; // the caller left meanwhile: that released the agent (and freed the booking)
            }
            if (booking == FloorRole.Booking.BOOKED) {
                offerBooked(call, agent, now);
            } else {
                notBooked(call, agent, booking);
            }
        });
    }

    private void offerBooked(InboundCall call, AgentSession agent, Instant now) {
        offered.increment();
        acd.actions().notify(new DesktopEvent.CallOffered(agent.profile.id(), now, call.callId, call.callerNumber, call.queue));
        // The pop was looked up when the caller arrived: it is on the desktop before any phone can ring.
        acd.actions().notify(new DesktopEvent.ScreenPopped(agent.profile.id(), now, call.callId, call.pop, call.callData));
        OutboundAgents.Leg nailed = nailedLeg(call, agent);
        if (nailed != null) {
            call.agentLegUniqueId = nailed.uniqueId();
            call.agentLegChannel = nailed.channel();
            call.nailedLeg = true;
            acd.calls().indexAgentLeg(call);
            connect(call, agent);
        } else {
            ringAgent(call, agent);
        }
    }

    /**
     * The agent's idle nailed-up leg, when the caller can be bridged with it: not for a callback (its customer is dialed once
     * the agent leg answers), nor a queue that records ([cti-nailed] starts no MixMonitor; [agent-leg] does), nor across boxes.
     */
    private OutboundAgents.Leg nailedLeg(InboundCall call, AgentSession agent) {
        if (outbound == null || call.callback || acd.queue(call.queue).record()) {
            return null;
        }
        OutboundAgents.Leg leg = outbound.idleLeg(agent.profile.id());
        return leg != null && sameBox(leg.channel(), call.callerChannel) ? leg : null;
    }

    /** Both unprefixed (one box) or prefixed with the same box ({@code <box>:}): only then can Asterisk bridge them. */
    private static boolean sameBox(String a, String b) {
        int i = a.indexOf(':');
        int j = b.indexOf(':');
        return (i > 0 ? a.substring(0, i) : "").equals(j > 0 ? b.substring(0, j) : "");
    }

    private void notBooked(InboundCall call, AgentSession agent, FloorRole.Booking booking) {
        Instant now = scheduler.clock().instant();
        if (booking == FloorRole.Booking.TAKEN) {
            acd.change(agent, AgentState.NOT_READY, "booked elsewhere", true); // not READY: the router would pick them again
        } else {
            acd.change(agent, AgentState.READY, null, true);
        }
        backInLine(call, now);
        acd.dispatch();
    }

    /** Back to the head of the line: the call keeps the instant it started waiting. */
    private void backInLine(InboundCall call, Instant now) {
        call.stage = InboundCall.Stage.WAITING;
        call.agentId = null;
        call.assignedAgent = null; // a "to me" callback its agent missed is the queue's now
        acd.engine().requeueAtHead(new QueuedCall(call.callId, call.queue, call.waitingSince, call.caller, call.skills));
        acd.timers().scheduleOverflowCheck(call, now);
    }

    /** Rings the agent reserved for {@code call} (also an agent's own outbound call: {@link ClickToDial}). */
    void ringAgent(InboundCall call, AgentSession agent) {
        call.stage = InboundCall.Stage.RINGING;
        acd.change(agent, AgentState.RINGING, null, false);
        Duration ring = acd.queue(call.queue).ringTimeout();
        // the dialplan names the file from CTI_CALL_ID; the history keeps the same name
        call.recording = acd.queue(call.queue).record() ? AcdActions.recordingOf(call) : null;
        int attempt = call.attempt;
        acd.actions().originateAgentLeg(call, agent.profile, acd.settings().agentLegContext(), ring, (result, failure) -> {
            if (call.attempt != attempt) {
                if (!acd.holdsFloor() && failure == null && result != null && result.success()) {
                    acd.actions().hangupStray(result.channelName()); // answered after this node left the floor
                }
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
            acd.actions().hangup(call.agentLegChannel);
            acd.agentReadyAgain(agent);
            return;
        }
        acd.calls().indexAgentLeg(call);
        if (call.callback) {
            call.stage = InboundCall.Stage.DIALING;
            acd.change(agent, AgentState.ON_CALL, call.agentDialed ? "dialing" : "calling back", false);
            acd.callbacks().dialCustomer(call, agent);
            return;
        }
        connect(call, agent);
    }

    /** The agent's leg is up: it is bridged with the caller and the agent is on the call. */
    private void connect(InboundCall call, AgentSession agent) {
        call.stage = InboundCall.Stage.CONNECTED;
        call.answeredAt = scheduler.clock().instant();
        acd.change(agent, AgentState.ON_CALL, null, false);
        acd.recorder().answered(call, agent.profile.id(), call.answeredAt);
        acd.mirror().connected(call);
        if (acd.agreedToSurvey(call)) {
            // Set while both are up, so the survey knows whom it is about when the dialplan takes the caller there.
            acd.actions().setVariable(call.callerChannel, "CTI_CALL_ID", call.callId);
            acd.actions().setVariable(call.callerChannel, "CTI_AGENT", agent.profile.id());
            acd.actions().setVariable(call.callerChannel, "CTI_QUEUE", call.queue);
        }
        acd.actions().notify(new DesktopEvent.CallConnected(agent.profile.id(), call.answeredAt, call.callId));
        acd.actions().bridge(call.callerChannel, call.agentLegChannel);
    }

    private void ringNoAnswer(InboundCall call, AgentSession agent) {
        if (call.agentDialed) {
            acd.desk().dialing().agentMissed(call, agent); // never queued: there is no line to go back to
            return;
        }
        Instant now = scheduler.clock().instant();
        acd.recorder().ringNoAnswer(call, agent.profile.id(), now);
        acd.change(agent, AgentState.NOT_READY, "ring no answer", true);
        if (call.stage == InboundCall.Stage.ENDED) {
            acd.dispatch(); // the desktop heard of the end when the caller left
            return;
        }
        acd.actions().notify(new DesktopEvent.CallEnded(agent.profile.id(), now, call.callId, "not answered"));
        backInLine(call, now);
        acd.dispatch();
    }
}

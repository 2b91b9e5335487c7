package org.opencti.acd;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.time.Scheduler;

/**
 * Click-to-dial: a ready agent calls a customer. Agent first, as callbacks do ({@link CallbackFlow}, reused, not
 * copied): the agent is reserved and their phone rung; once they answer, the customer is dialed through the outbound
 * context and bridged on answer. Dialed once: busy or no answer ends the call (a desktop event says which) and the agent
 * is ready again; an answered call is ON_CALL then wrap-up like any other. Recorded as channel {@code outbound}. Runs on
 * the ACD's owner.
 */
final class ClickToDial {
    /** What the pop's call data says about this call. */
    static final String DIRECTION = "CTI_DIRECTION";

    private final AcdService acd;
    private final Scheduler scheduler;

    ClickToDial(AcdService acd, Scheduler scheduler) {
        this.acd = acd;
        this.scheduler = scheduler;
    }

    /** The agent, if they may dial now: ready, with no call. */
    AgentSession requireReady(AgentSession a) {
        if (a.state != AgentState.READY || a.callId != null) {
            throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "state", "agent " + a.profile.id() + " can dial only when ready (is "
                + a.state.name().toLowerCase().replace('_', ' ') + (a.callId == null ? "" : ", on call " + a.callId) + ")");
        }
        return a;
    }

    /** Reserves the agent and rings their phone; the customer is dialed when they answer ({@link AgentLegFlow}). */
    AgentStatus start(AgentSession a, String number, Long customerId, ScreenPop pop) {
        requireReady(a);
        Instant now = scheduler.clock().instant();
        String id = UUID.randomUUID().toString();
        String queue = a.queues.isEmpty() ? acd.settings().defaultQueue() : a.queues.get(0);
        InboundCall call = new InboundCall("d-" + id, null, "dial-" + id, null, number, null, queue, now);
        call.callback = true;
        call.agentDialed = true;
        call.customerId = customerId != null ? customerId : pop.customer().map(c -> c.customer().id()).orElse(null);
        call.pop = pop;
        call.callData = Map.of(DIRECTION, "outbound");
        call.stage = InboundCall.Stage.OFFERED;
        call.agentId = a.profile.id();
        call.attempt++;
        call.offeredAt = now;
        acd.calls().add(call);
        a.callId = call.callId;
        acd.change(a, AgentState.RESERVED, "dialing", false);
        acd.actions().notify(new DesktopEvent.CallOffered(a.profile.id(), now, call.callId, number, queue));
        acd.actions().notify(new DesktopEvent.ScreenPopped(a.profile.id(), now, call.callId, pop, call.callData));
        acd.legs().ringAgent(call, a);
        return a.status();
    }

    /** The agent's own phone did not answer: nothing to go back to, the call ends; the agent is not ready, as after any missed ring. */
    void agentMissed(InboundCall call, AgentSession agent) {
        Instant now = scheduler.clock().instant();
        acd.change(agent, AgentState.NOT_READY, "ring no answer", true);
        if (call.stage != InboundCall.Stage.ENDED) {
            acd.actions().notify(new DesktopEvent.CallEnded(agent.profile.id(), now, call.callId, "your phone did not answer"));
            acd.leftQueues(call, "agent did not answer");
        }
    }
}

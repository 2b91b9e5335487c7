package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.opencti.core.agent.AgentState;
import org.opencti.core.call.ChannelTracker;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.time.Scheduler;

/**
 * A channel of a call is gone (hung up, or missing from the PBX's list after a resync): the call ends as its stage
 * says (abandoned while identified, waiting, offered or ringing; completed once connected, the agent then wraps up).
 * Runs on the ACD's owner.
 */
final class CallEnds {
    private final AcdService acd;
    private final Scheduler scheduler;
    private final TransferFlow transfers;
    private final ChannelTracker channels;
    /**
     * Callers whose conversation ended here while their channel lived on: true when we asked the PBX to hang them up,
     * false when the dialplan takes them on (the survey). Until their hangup is seen, a resync must not queue them as new
     * callers (a link that dropped may have lost the hangup: it is asked for again).
     */
    private final Map<String, Boolean> ended = new HashMap<>();

    CallEnds(AcdService acd, Scheduler scheduler, TransferFlow transfers, ChannelTracker channels) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.transfers = transfers;
        this.channels = channels;
    }

    void channelGone(String uniqueId) {
        ended.remove(uniqueId);
        CallTable calls = acd.calls();
        InboundCall call = calls.byChannel(uniqueId);
        if (call == null || call.stage == InboundCall.Stage.ENDED) {
            return;
        }
        boolean callerLeft = uniqueId.equals(call.callerUniqueId);
        if (call.consult != null && transfers.channelGone(call, uniqueId, acd.agentOrNull(call.agentId))) {
            return;
        }
        InboundCall.Stage was = call.stage;
        if (was == InboundCall.Stage.DIALING) {
            acd.callbacks().agentLeftWhileDialing(call, acd.agentOrNull(call.agentId));
            return;
        }
        Instant now = scheduler.clock().instant();
        int position = was == InboundCall.Stage.WAITING ? acd.engine().positionOf(call.callId) : 1;
        call.stage = InboundCall.Stage.ENDED;
        call.cancelWaitingTimers();
        calls.remove(call);
        AcdActions actions = acd.actions();
        switch (was) {
            case LOOKUP -> actions.record(call, now, "abandoned");
            case WAITING -> {
                acd.engine().remove(call.callId);
                acd.recorder().abandoned(call, now, position);
                actions.record(call, now, "abandoned");
            }
            case OFFERED, RINGING -> {
                acd.recorder().abandoned(call, now, position);
                actions.record(call, now, "abandoned");
                AgentSession a = acd.agentOrNull(call.agentId);
                // The desktop clears the pop now, even while the phone still rings.
                actions.notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, "caller hung up"));
                if (was == InboundCall.Stage.OFFERED) {
                    acd.change(a, AgentState.READY, null, true);
                    acd.dispatch();
                }
                // While ringing, the originate is still pending: its completion releases the agent (agentAnswered).
            }
            case CONNECTED -> {
                if (callerLeft) {
                    if (!call.nailedLeg) {
                        actions.hangup(call.agentLegChannel);
                    } // a nailed-up leg loops back to its Wait in [cti-nailed], ready for the next call
                } else if (!acd.agreedToSurvey(call)) {
                    actions.hangup(call.callerChannel);
                    ended.put(call.callerUniqueId, true);
                } else {
                    ended.put(call.callerUniqueId, false);
                }
                // A caller who agreed to the survey is left to the dialplan, which takes them there from [cti-hold]:
                // hanging up or redirecting them here would race it.
                AgentSession a = acd.agentOrNull(call.agentId);
                acd.recorder().completed(call, callerLeft, now);
                acd.engine().handled(a.profile.id(), Duration.between(call.answeredAt, now));
                String why = callerLeft ? "caller hung up" : "agent hung up";
                // Recorded before the desktop hears of it: whoever reacts to callEnded finds the call counted.
                actions.record(call, now, "answered");
                actions.notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, why));
                acd.wrapUps().start(a, call, now);
            }
            default -> { }
        }
    }

    /** After a reconnect or restart the PBX's channel list is the truth: end what is gone, queue what we missed. */
    void reconcile(PbxEvent.ChannelsResynced resynced) {
        for (InboundCall call : new ArrayList<>(acd.calls().all())) {
            boolean callerLive = call.callerUniqueId == null || channels.isLive(call.callerUniqueId);
            boolean legLive = call.agentLegUniqueId == null || channels.isLive(call.agentLegUniqueId);
            if (!callerLive) {
                channelGone(call.callerUniqueId);
            } else if ((call.stage == InboundCall.Stage.CONNECTED || call.stage == InboundCall.Stage.DIALING) && !legLive) {
                channelGone(call.agentLegUniqueId);
            }
        }
        ended.keySet().removeIf(id -> !channels.isLive(id));
        for (var live : resynced.channels()) {
            if (acd.settings().holdContext().equals(live.context()) && (live.bridgeId() == null || live.bridgeId().isEmpty())) {
                Boolean hangUp = ended.get(live.channel().uniqueId());
                if (hangUp == null) {
                    channels.get(live.channel().uniqueId()).ifPresent(acd::callerOnHold);
                } else if (hangUp) {
                    acd.actions().hangup(live.channel().name());
                }
            }
        }
    }
}

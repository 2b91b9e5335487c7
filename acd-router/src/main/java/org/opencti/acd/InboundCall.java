package org.opencti.acd;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.opencti.acd.routing.CallSkills;
import org.opencti.acd.routing.CallerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.time.Scheduler;

/** One inbound call as the ACD follows it. Mutable, owned by the ACD's single writer. */
final class InboundCall {
    /**
     * LOOKUP: the caller is on hold and we are finding out who they are, before they take a place in line.
     * DIALING: a callback whose agent is on the line while the customer's phone rings.
     */
    enum Stage { LOOKUP, WAITING, OFFERED, RINGING, DIALING, CONNECTED, ENDED }

    final String callId;
    /** The customer's channel; for a callback, known only once the customer answers. */
    String callerUniqueId;
    final String linkedId;
    String callerChannel;
    final String callerNumber;
    final String callerName;
    /** When the caller reached hold: their place in line, kept through re-queues and overflows. */
    final Instant waitingSince;
    String queue;
    Stage stage = Stage.LOOKUP;
    CallerProfile caller = CallerProfile.standard();
    /** What the caller needs of an agent beyond the queue (their language, skills the IVR named). */
    CallSkills skills = CallSkills.NONE;
    /** What the IVR collected and set, shown with the screen pop. */
    Map<String, String> callData = Map.of();
    /** The IVR menu nodes the caller went through (CTI_IVR_PATH), for the history; null when none. */
    String ivrPath;
    /** The recording's file name once the agent leg is originated to record (the queue records); null otherwise. */
    String recording;
    /** Completes once the history row was handed to the interaction log: its wrap-up updates are chained on it. */
    CompletionStage<Void> historyWritten;
    /** Completes once the history row is in the store (behind a write-behind buffer: after its write); null before. */
    CompletionStage<Void> historyStored;
    String tier;
    ScreenPop pop;
    int originalPosition;
    String agentId;
    int attempt;
    Instant offeredAt;
    String agentLegUniqueId;
    String agentLegChannel;
    /** The agent leg is the agent's nailed-up leg ({@link OutboundAgents}): it stays up when the call ends, for the next one. */
    boolean nailedLeg;
    Instant answeredAt;
    /** Seconds the customer spent on hold while connected, known once the call is completed (for the history). */
    Long holdSeconds;
    /** The customer the pop found, so the history row points at them. */
    Long customerId;
    Scheduler.Cancellable overflowCheck;
    Scheduler.Cancellable announcement;
    /** A callback the customer asked for: we dial them once an agent is on the line. */
    boolean callback;
    int dialAttempts;
    /** A campaign call the dialer connected to the agent ({@link OutboundAgents}): its history row says "outbound". */
    boolean outbound;
    /** The campaign of a campaign call ({@link #outbound}), null otherwise: mirrored, so the next floor holder adopts it. */
    Long campaignId;
    /** Click-to-dial: the agent asked for this call (a callback dialed once, never queued, recorded as channel outbound). */
    boolean agentDialed;
    /** The agent's scheduled callback this call makes, or null; {@link #assignedAgent} is set while it is "to me". */
    String scheduledId;
    String assignedAgent;
    /** How this leg was handed on (or, for the receiving leg, how it came): written with its history row. */
    InteractionRecord.Transfer transfer;
    /** The attended transfer the agent is making; null when none. */
    Consultation consult;

    InboundCall(String callId, String callerUniqueId, String linkedId, String callerChannel, String callerNumber,
                String callerName, String queue, Instant waitingSince) {
        this.callId = callId;
        this.callerUniqueId = callerUniqueId;
        this.linkedId = linkedId;
        this.callerChannel = callerChannel;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.queue = queue;
        this.waitingSince = waitingSince;
    }

    /** The caller's next leg after a transfer: same caller, channel and what is known of them; a new wait from {@code now}. */
    InboundCall nextLeg(String id, Map<String, String> data, InteractionRecord.Transfer how, Instant now) {
        InboundCall next = new InboundCall(id, callerUniqueId, linkedId, callerChannel, callerNumber, callerName, queue, now);
        next.caller = caller;
        next.skills = skills;
        next.tier = tier;
        next.pop = pop;
        next.customerId = customerId;
        next.callData = data;
        next.ivrPath = ivrPath;
        next.transfer = how;
        return next;
    }

    String originateReference() {
        return callId + "/" + attempt;
    }

    String callerIdForAgent() {
        String num = callerNumber == null ? "" : callerNumber;
        return callerName == null ? "<" + num + ">" : "\"" + callerName.replace("\"", "") + "\" <" + num + ">";
    }

    /** The call leaves the line (offered, gone, moved out): its waiting timers stop. */
    void cancelWaitingTimers() {
        if (overflowCheck != null) {
            overflowCheck.cancel();
            overflowCheck = null;
        }
        if (announcement != null) {
            announcement.cancel();
            announcement = null;
        }
    }
}

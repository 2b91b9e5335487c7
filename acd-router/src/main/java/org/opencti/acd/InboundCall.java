package org.opencti.acd;

import java.time.Instant;

/** One inbound call as the ACD follows it. Mutable, owned by the ACD's single writer. */
final class InboundCall {
    enum Stage { WAITING, OFFERED, RINGING, CONNECTED, ENDED }

    final String callId;
    final String callerUniqueId;
    final String linkedId;
    final String callerChannel;
    final String callerNumber;
    final String callerName;
    final String queue;
    final Instant waitingSince;
    Stage stage = Stage.WAITING;
    String agentId;
    int attempt;
    String agentLegUniqueId;
    String agentLegChannel;
    Instant answeredAt;
    /** The customer the pop found, so the history row points at them. */
    Long customerId;

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

    String originateReference() {
        return callId + "/" + attempt;
    }

    String callerIdForAgent() {
        String num = callerNumber == null ? "" : callerNumber;
        return callerName == null ? "<" + num + ">" : "\"" + callerName.replace("\"", "") + "\" <" + num + ">";
    }
}

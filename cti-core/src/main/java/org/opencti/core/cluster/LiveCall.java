package org.opencti.core.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A call the floor holder is following, as it is kept for the node that takes over: enough to put a waiting caller
 * back in line where they were and to adopt a conversation in progress (its hangup then wraps up and writes the history
 * as if nothing happened). Channel ids carry the box prefix like everywhere in the ACD.
 *
 * @param stage           waiting in a queue, or connected to an agent (held calls are connected)
 * @param waitingSince    when the caller started waiting (their place in line)
 * @param agentId         the agent connected, null while waiting
 * @param agentLegUniqueId the agent leg's channel, null while waiting
 * @param answeredAt      when the agent answered, null while waiting
 * @param data            the rest the ACD keeps about the call (customer id, IVR path and data, tier, priority...), by name
 * @param campaignId      the campaign whose answered customer this is (a campaign conversation: the caller is the customer
 *                        the dialer reached, always CONNECTED), null for a queue call or a callback
 */
public record LiveCall(String callId, Stage stage, String queue, String callerUniqueId, String callerChannel, String linkedId,
                       String callerNumber, String callerName, Instant waitingSince, String agentId, String agentLegUniqueId,
                       String agentLegChannel, Instant answeredAt, Map<String, String> data, Long campaignId) {
    public enum Stage { WAITING, CONNECTED }

    /** A queue call or a callback (no campaign). */
    public LiveCall(String callId, Stage stage, String queue, String callerUniqueId, String callerChannel, String linkedId,
                    String callerNumber, String callerName, Instant waitingSince, String agentId, String agentLegUniqueId,
                    String agentLegChannel, Instant answeredAt, Map<String, String> data) {
        this(callId, stage, queue, callerUniqueId, callerChannel, linkedId, callerNumber, callerName, waitingSince, agentId,
            agentLegUniqueId, agentLegChannel, answeredAt, data, null);
    }

    public LiveCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waitingSince, "waitingSince");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}

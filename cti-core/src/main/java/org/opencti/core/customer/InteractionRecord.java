package org.opencti.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished contact, as written to the history, or a note an agent added (channel "note", {@code notes} its
 * text). {@code key} is Asterisk's Linkedid of the call
 * (plus the agent leg's Uniqueid when there is one), so a replay of the same events writes nothing twice.
 *
 * <p>For the reports: {@code callId} is the ACD's call id (as in the queue_log and the survey answers),
 * {@code tier} the caller's tier when routed, {@code holdSeconds} the time the customer spent on hold during
 * the call; each may be null (not known, or written before they were kept).
 *
 * <p>A transferred call is one record per leg: the transferring agent's leg and the receiving leg both carry the
 * {@link Transfer} (null for a call that was not transferred).
 */
public record InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                                String agentId, Instant startedAt, Instant answeredAt, Instant endedAt,
                                String outcome, String notes, String callId, String tier, Long holdSeconds,
                                Transfer transfer) {
    public InteractionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (holdSeconds != null && holdSeconds < 0) {
            throw new IllegalArgumentException("interaction " + key + " has negative hold time " + holdSeconds);
        }
    }

    /** Without notes or the report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, null, null,
            null, null, null);
    }

    /** A note, or a contact with its notes: no report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome,
                             String notes) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, notes, null,
            null, null, null);
    }

    /** A call as the ACD writes it: no notes, the report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome,
                             String callId, String tier, Long holdSeconds) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, null, callId,
            tier, holdSeconds, null);
    }

    /** The same interaction with nothing left that points at a person: no caller number, no notes. */
    public InteractionRecord anonymised() {
        return new InteractionRecord(key, customerId, null, channel, queue, agentId, startedAt, answeredAt, endedAt,
            outcome, null, callId, tier, holdSeconds, transfer);
    }

    /**
     * How the call was handed on.
     *
     * @param kind          {@code blind} or {@code attended}
     * @param transferredBy the agent who transferred it
     * @param target        where to: {@code queue:<name>}, {@code agent:<id>} or {@code number:<digits>}
     */
    public record Transfer(String kind, String transferredBy, String target) {
        public Transfer {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(transferredBy, "transferredBy");
            Objects.requireNonNull(target, "target");
        }
    }
}

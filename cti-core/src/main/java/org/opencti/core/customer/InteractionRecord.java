package org.opencti.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished contact, as written to the history, or a note an agent added (channel "note", {@code notes} its
 * text). {@code key} is Asterisk's Linkedid of the call
 * (plus the agent leg's Uniqueid when there is one), so a replay of the same events writes nothing twice.
 */
public record InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                                String agentId, Instant startedAt, Instant answeredAt, Instant endedAt,
                                String outcome, String notes) {
    public InteractionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A call as the ACD writes it: no notes. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, null);
    }

    /** The same interaction with nothing left that points at a person: no caller number, no notes. */
    public InteractionRecord anonymised() {
        return new InteractionRecord(key, customerId, null, channel, queue, agentId, startedAt, answeredAt, endedAt,
            outcome, null);
    }
}

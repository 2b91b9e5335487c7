package org.opencti.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished contact, as written to the history. {@code key} is Asterisk's Linkedid of the call
 * (plus the agent leg's Uniqueid when there is one), so a replay of the same events writes nothing twice.
 */
public record InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                                String agentId, Instant startedAt, Instant answeredAt, Instant endedAt,
                                String outcome) {
    public InteractionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}

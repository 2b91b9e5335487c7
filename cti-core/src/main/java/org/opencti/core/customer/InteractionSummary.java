package org.opencti.core.customer;

import java.time.Instant;

/** One past contact, as shown in the pop's "recent interactions". */
public record InteractionSummary(Instant startedAt, String channel, String queue, String agentId,
                                 String disposition, String notes) {
}

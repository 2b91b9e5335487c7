package org.opencti.core.customer;

import java.time.Instant;

/**
 * One past contact, as shown in the pop's "recent interactions": the disposition the agent chose (else the call's
 * outcome), their notes, and the IVR menu path the caller took (null when none).
 */
public record InteractionSummary(Instant startedAt, String channel, String queue, String agentId,
                                 String disposition, String notes, String ivrPath) {
    /** Without an IVR path (notes, contacts that did not come through the IVR). */
    public InteractionSummary(Instant startedAt, String channel, String queue, String agentId, String disposition,
                              String notes) {
        this(startedAt, channel, queue, agentId, disposition, notes, null);
    }
}

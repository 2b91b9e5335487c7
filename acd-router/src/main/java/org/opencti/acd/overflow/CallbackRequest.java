package org.opencti.acd.overflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller who accepted a callback instead of waiting on hold. {@code originalEnteredAt} is when they first
 * entered the queue, so the callback keeps their place in line. Tier and VIP ride along for the router.
 */
public record CallbackRequest(String callId, String queue, String number, Instant originalEnteredAt, Optional<String> tier, boolean vip) {
    public CallbackRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(originalEnteredAt, "originalEnteredAt");
        Objects.requireNonNull(tier, "tier");
        if (number.isBlank()) {
            throw new IllegalArgumentException("callback " + callId + " has no number to call");
        }
    }

    public CallbackRequest(String callId, String queue, String number, Instant originalEnteredAt) {
        this(callId, queue, number, originalEnteredAt, Optional.empty(), false);
    }
}

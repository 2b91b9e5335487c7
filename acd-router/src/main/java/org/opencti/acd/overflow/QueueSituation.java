package org.opencti.acd.overflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the overflow rules look at, as the ACD sees it at {@code now}. {@code callEnteredAt} is when the call
 * entered this queue, or the first queue if it overflowed here; {@code waitingInQueue} counts this call too.
 */
public record QueueSituation(Instant now, Instant callEnteredAt, int waitingInQueue, int loggedInAgents, boolean open) {
    public QueueSituation {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(callEnteredAt, "callEnteredAt");
        if (now.isBefore(callEnteredAt)) {
            throw new IllegalArgumentException("now " + now + " is before the call entered at " + callEnteredAt);
        }
        if (waitingInQueue < 1) {
            throw new IllegalArgumentException("waitingInQueue counts this call, so it is at least 1, got " + waitingInQueue);
        }
        if (loggedInAgents < 0) {
            throw new IllegalArgumentException("loggedInAgents must not be negative, got " + loggedInAgents);
        }
    }

    public Duration waited() {
        return Duration.between(callEnteredAt, now);
    }
}

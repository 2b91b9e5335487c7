package org.opencti.dialer.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How much of its abandon budget the predictive pacing may use now, from 0 (no over-dial: progressive) to 1. Additive
 * increase, multiplicative decrease, as in TCP congestion control: every call that reaches an agent adds {@link #STEP};
 * every drop halves it at once; a spike (at least {@link #SPIKE_DROPS} drops in the last {@link #SPIKE_WINDOW} at more
 * than twice the limit) sets it to 0 and holds it there for {@link #SPIKE_HOLD}, because a spike means the estimates are
 * wrong (agents left, the answer rate jumped), and until they have caught up only progressive dialing is safe.
 */
final class DropBackoff {
    static final double STEP = 0.02;
    static final int SPIKE_DROPS = 3;
    static final Duration SPIKE_WINDOW = Duration.ofMinutes(5);
    static final Duration SPIKE_HOLD = Duration.ofMinutes(2);
    /** A cold campaign starts at half its budget. */
    static final double START = 0.5;

    private final double limit;
    private final Clock clock;
    private final RollingCounts recent = new RollingCounts(SPIKE_WINDOW, Duration.ofSeconds(10), 2);
    private double level = START;
    private Instant holdUntil = Instant.MIN;
    private long spikes;

    DropBackoff(double limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    void connected() {
        Instant now = clock.instant();
        recent.add(now, 0);
        if (!now.isBefore(holdUntil)) {
            level = Math.min(1, level + STEP);
        }
    }

    void abandoned() {
        Instant now = clock.instant();
        recent.add(now, 1);
        level /= 2;
        long drops = recent.count(now, 1);
        long live = drops + recent.count(now, 0);
        if (drops >= SPIKE_DROPS && drops > 2 * limit * live) {
            level = 0;
            holdUntil = now.plus(SPIKE_HOLD);
            spikes++;
        }
    }

    double level() {
        return level;
    }

    long spikes() {
        return spikes;
    }
}

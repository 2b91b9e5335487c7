package org.opencti.dialer.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The predictive pacing's feedback from what actually happened to live answers, in two parts.
 *
 * <p><b>Calibration</b> {@code c}: the model's expected share of drops is only a model (lines already ringing answer
 * sooner than new ones, wrap-ups vary), so {@code c} scales the share the pacing may plan for, and is driven by every
 * live answer: times {@code exp(gain x aim)} for each that reached an agent, times {@code exp(-gain x (1 - aim))} for
 * each drop. It stops moving only when drops are exactly {@code aim} of live answers, whatever the model's bias: an
 * integral controller. With the standard gain a drop cuts {@code c} by 39 % at once, a connect adds about 1 %.
 *
 * <p><b>Spike level</b>: a spike (at least {@link #SPIKE_DROPS} drops in the last {@link #SPIKE_WINDOW} at more than
 * {@link #SPIKE_FACTOR} times the limit: at the aim a campaign of 40 agents expects about one drop in two minutes, so five is
 * a 1-in-300 chance, not noise) sets the level to 0 and holds it there for {@link #SPIKE_HOLD}: a spike means the estimates are wrong
 * (agents left, the answer rate jumped), and until they have caught up only progressive dialing is safe. After the hold
 * the level climbs back by {@link #STEP} per connected call.
 */
final class DropBackoff {
    static final double GAIN = 0.5;
    static final double STEP = 0.02;
    static final int SPIKE_DROPS = 5;
    static final Duration SPIKE_WINDOW = Duration.ofMinutes(2);
    static final double SPIKE_FACTOR = 3;
    static final Duration SPIKE_HOLD = Duration.ofMinutes(2);
    /** A cold campaign plans for half the aim until its own calls have shown the model right. */
    static final double START = 0.5;
    /**
     * A cold campaign also starts at level 0, like just after a spike: its first dials go out one per free agent and
     * the over-dial comes in over its first 50 connects. Otherwise a shift starting with every agent free would dial
     * three lines each on the priors alone, and the answers would come back all at once.
     */
    static final double START_LEVEL = 0;
    static final double MAX_CALIBRATION = 4;
    static final double MIN_CALIBRATION = 1e-3;

    private final double limit;
    private final double aim;
    private final Clock clock;
    private final RollingCounts recent = new RollingCounts(SPIKE_WINDOW, Duration.ofSeconds(10), 2);
    private double calibration = START;
    private double level = START_LEVEL;
    private Instant holdUntil = Instant.MIN;
    private long spikes;

    DropBackoff(double limit, double aim, Clock clock) {
        this.limit = limit;
        this.aim = aim;
        this.clock = clock;
    }

    void connected() {
        Instant now = clock.instant();
        recent.add(now, 0);
        calibration = Math.min(MAX_CALIBRATION, calibration * Math.exp(GAIN * aim));
        if (!now.isBefore(holdUntil)) {
            level = Math.min(1, level + STEP);
        }
    }

    void abandoned() {
        Instant now = clock.instant();
        recent.add(now, 1);
        calibration = Math.max(MIN_CALIBRATION, calibration * Math.exp(-GAIN * (1 - aim)));
        long drops = recent.count(now, 1);
        long live = drops + recent.count(now, 0);
        if (drops >= SPIKE_DROPS && drops > SPIKE_FACTOR * limit * live) {
            if (!now.isBefore(holdUntil)) {
                spikes++;
            }
            level = 0;
            holdUntil = now.plus(SPIKE_HOLD);
        }
    }

    /** The share of live answers the pacing may plan to lose now, before the campaign's own rate is considered. */
    double plannedShare() {
        return level * Math.min(limit, calibration * aim);
    }

    double level() {
        return level;
    }

    double calibration() {
        return calibration;
    }

    long spikes() {
        return spikes;
    }
}

package org.opencti.acd.routing;

import java.util.Map;
import java.util.Objects;

/**
 * How a queue scores its waiting calls: {@code score = tierPoints[tier] + vip + churn risk + ivrBoost
 * + secondsWaited * pointsPerSecondWaiting}. The highest score is offered first.
 *
 * <p><b>A call never starves.</b> Every waiting call of a queue gains points at the same rate, so two calls' order
 * depends only on their fixed parts and their arrival: a call that has waited {@code W} seconds longer than another
 * outranks it as soon as {@code W * pointsPerSecondWaiting} exceeds the other's lead in fixed points. That is also
 * why the engine never re-sorts: {@code score(t) = fixed + rate * (t - enteredAt)}, so ordering by the constant
 * {@code fixed - rate * enteredAt} is ordering by score at any {@code t}.
 *
 * <p>The engine computes scores exactly, in whole micro-points and whole milliseconds of waiting, so that comparisons
 * never depend on floating-point rounding; hence the bounds on the inputs.
 */
public record PriorityWeights(Map<String, Double> tierPoints, double vipPoints, double churnRiskPoints, double pointsPerSecondWaiting) {
    /** The largest fixed part (per component) the exact arithmetic allows. */
    public static final double MAX_POINTS = 1e9;
    /** Rates are resolved to a thousandth of a point per second... */
    public static final double MIN_RATE = 0.001;
    /** ...and bounded so that scores fit a long until the year 2262. */
    public static final double MAX_RATE = 1000;

    public PriorityWeights {
        Objects.requireNonNull(tierPoints, "tierPoints");
        tierPoints.forEach((tier, points) -> requirePoints("tier " + tier, points));
        tierPoints = Map.copyOf(tierPoints);
        requirePoints("vipPoints", vipPoints);
        requirePoints("churnRiskPoints", churnRiskPoints);
        if (!(pointsPerSecondWaiting >= MIN_RATE && pointsPerSecondWaiting <= MAX_RATE)) {
            throw new IllegalArgumentException("pointsPerSecondWaiting must be between " + MIN_RATE + " and " + MAX_RATE
                + " (more than 0, so that no call starves), not " + pointsPerSecondWaiting);
        }
    }

    /** Oldest call first: no fixed points, one point per second. */
    public static PriorityWeights waitTimeOnly() {
        return new PriorityWeights(Map.of(), 0, 0, 1);
    }

    /** The part of the score that does not grow with waiting. */
    public double fixedPoints(CallerProfile caller) {
        double tier = caller.tier() == null ? 0 : tierPoints.getOrDefault(caller.tier(), 0.0);
        return tier + (caller.vip() ? vipPoints : 0) + (caller.churnRisk() ? churnRiskPoints : 0) + caller.ivrBoost();
    }

    /** The fixed part in micro-points, as the engine compares it. */
    long fixedMicros(CallerProfile caller) {
        return Math.round(fixedPoints(caller) * 1_000_000d);
    }

    /** Micro-points a call gains per millisecond of waiting. */
    long microsPerMilli() {
        return Math.round(pointsPerSecondWaiting * 1000d);
    }

    private static void requirePoints(String what, Double points) {
        if (points == null || !Double.isFinite(points) || Math.abs(points) > MAX_POINTS) {
            throw new IllegalArgumentException(what + " must be a finite number of at most " + MAX_POINTS + " points, not " + points);
        }
    }
}

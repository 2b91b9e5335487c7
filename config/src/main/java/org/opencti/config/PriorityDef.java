package org.opencti.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How waiting calls are ordered: the call with the highest score is offered first. A call's score is
 * {@code tierPoints[tier] + (vip ? vipPoints : 0) + (churnRisk ? churnRiskPoints : 0) + ivrBoost
 * + secondsWaited * pointsPerSecondWaiting}, the IVR boost being set per call by the IVR.
 *
 * <p>The defaults give every call 0 points but its wait, which is plain oldest-first order.
 *
 * @param tierPoints             points by customer tier name; a tier not listed gets 0
 * @param vipPoints              points for a customer marked VIP (default 0)
 * @param churnRiskPoints        points for a customer marked at risk of leaving (default 0)
 * @param pointsPerSecondWaiting points a call gains each second it waits; always more than 0, so that any call eventually
 *                               outranks every newer one and none starves (default 1)
 */
public record PriorityDef(Map<String, Double> tierPoints, double vipPoints, double churnRiskPoints, double pointsPerSecondWaiting) {

    public static final double DEFAULT_POINTS_PER_SECOND_WAITING = 1.0;
    /** Oldest call first. */
    public static final PriorityDef DEFAULT = new PriorityDef(Map.of(), 0, 0, DEFAULT_POINTS_PER_SECOND_WAITING);

    public PriorityDef {
        // A LinkedHashMap because Map.copyOf would lose the file's order, which is also the natural reading order.
        tierPoints = tierPoints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tierPoints));
    }

    /** The points for {@code tier}, 0 when the tier is null or not listed. */
    public double pointsForTier(String tier) {
        return tier == null ? 0 : tierPoints.getOrDefault(tier, 0.0);
    }

    /** The score of a waiting call, as described above. */
    public double score(String tier, boolean vip, boolean churnRisk, double ivrBoost, double secondsWaited) {
        return pointsForTier(tier) + (vip ? vipPoints : 0) + (churnRisk ? churnRiskPoints : 0) + ivrBoost
                + secondsWaited * pointsPerSecondWaiting;
    }
}

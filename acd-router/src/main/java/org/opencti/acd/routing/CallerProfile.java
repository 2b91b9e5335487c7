package org.opencti.acd.routing;

/**
 * What the router knows about a caller when ordering calls: the parts of the priority score and, for relationship
 * routing, who their account manager is.
 *
 * @param tier             customer tier (a key of {@link PriorityWeights#tierPoints()}); null or unknown tiers score 0
 * @param accountManagerId the agent who owns the relationship, or null
 * @param ivrBoost         points the IVR added for this call (for example a cancellation intent)
 */
public record CallerProfile(String tier, boolean vip, boolean churnRisk, String accountManagerId, double ivrBoost) {
    private static final CallerProfile STANDARD = new CallerProfile(null, false, false, null, 0);

    public CallerProfile {
        if (!Double.isFinite(ivrBoost) || Math.abs(ivrBoost) > PriorityWeights.MAX_POINTS) {
            throw new IllegalArgumentException("ivrBoost must be a finite number of at most " + PriorityWeights.MAX_POINTS
                + " points, not " + ivrBoost);
        }
    }

    /** A caller we know nothing about: scored by waiting time alone. */
    public static CallerProfile standard() {
        return STANDARD;
    }
}

package org.opencti.config;

/**
 * A customer tier and its service-level target: {@code serviceLevelPercent} of its calls answered within
 * {@code withinSeconds}.
 *
 * @param name                identifier, as the customer record names the tier ({@code Gold}); also a key of
 *                            {@link PriorityDef#tierPoints()}
 * @param serviceLevelPercent 1..100 (default {@value #DEFAULT_SERVICE_LEVEL_PERCENT})
 * @param withinSeconds       answer target in seconds (default {@value #DEFAULT_WITHIN_SECONDS})
 */
public record TierDef(String name, int serviceLevelPercent, int withinSeconds) {

    /** The industry's customary 80/20 target. */
    public static final int DEFAULT_SERVICE_LEVEL_PERCENT = 80;
    public static final int DEFAULT_WITHIN_SECONDS = 20;
}

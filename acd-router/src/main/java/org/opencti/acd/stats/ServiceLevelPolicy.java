package org.opencti.acd.stats;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How service level is judged: the answer-time target and the percentage to reach, per tier (Gold, Silver, or any
 * tier string) with defaults for other tiers, and how short a wait before hanging up is a short abandon (a
 * misdial or a caller who changed their mind: not the queue's fault, so left out of service level and abandon rate).
 */
public record ServiceLevelPolicy(Map<String, Duration> targetByTier, Duration defaultTarget, Map<String, Double> targetPercentByTier,
                                 double defaultTargetPercent, Duration shortAbandon) {
    public static final double DEFAULT_TARGET_PERCENT = 80.0;
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(5);

    public ServiceLevelPolicy {
        targetByTier = Map.copyOf(targetByTier);
        targetPercentByTier = Map.copyOf(targetPercentByTier);
        requireNotNegative(defaultTarget, "default target");
        requireNotNegative(shortAbandon, "short abandon");
        targetByTier.forEach((tier, target) -> requireNotNegative(target, "target of tier " + tier));
        requirePercent(defaultTargetPercent, "default target percent");
        targetPercentByTier.forEach((tier, percent) -> requirePercent(percent, "target percent of tier " + tier));
    }

    /** Per-tier targets with the usual 80% default and 5-second short abandons. */
    public static ServiceLevelPolicy of(Map<String, Duration> targetByTier, Duration defaultTarget,
                                        Map<String, Double> targetPercentByTier) {
        return new ServiceLevelPolicy(targetByTier, defaultTarget, targetPercentByTier, DEFAULT_TARGET_PERCENT, DEFAULT_SHORT_ABANDON);
    }

    public Duration target(String tier) {
        return targetByTier.getOrDefault(tier, defaultTarget);
    }

    public double targetPercent(String tier) {
        return targetPercentByTier.getOrDefault(tier, defaultTargetPercent);
    }

    public boolean isShortAbandon(Duration waited) {
        return waited.compareTo(shortAbandon) < 0;
    }

    /** Tiers named in the policy: shown in every snapshot even before their first call. */
    public Set<String> configuredTiers() {
        Set<String> tiers = new TreeSet<>(targetByTier.keySet());
        tiers.addAll(targetPercentByTier.keySet());
        return tiers;
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
    }

    private static void requirePercent(Double p, String what) {
        Objects.requireNonNull(p, what);
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException(what + " must be between 0 and 100, got " + p);
        }
    }
}

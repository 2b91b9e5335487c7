package org.opencti.core.adapter.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the customer profile cache: at most {@code maxEntries} lookups (by number or by account) are kept, each
 * for at most {@code ttl}; a lookup that found nobody is kept for at most {@code negativeTtl}, so a caller who was
 * unknown a moment ago is found soon after an agent creates them on another node.
 */
public record CustomerCacheSettings(int maxEntries, Duration ttl, Duration negativeTtl) {
    /**
     * 10,000 lookups (a profile is a few KB: tens of MB at most), one minute, five seconds for a miss. The minute
     * covers what the cache is for: one caller is looked up by the IVR, again by the pop, and maybe by account, all
     * within a call's first minute; writes through this node drop entries at once, so the time to live only bounds
     * how long a change made elsewhere (another node, SQL by hand) can go unseen.
     */
    public static final CustomerCacheSettings DEFAULTS =
        new CustomerCacheSettings(10_000, Duration.ofMinutes(1), Duration.ofSeconds(5));

    public CustomerCacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        if (negativeTtl.isNegative() || negativeTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("negativeTtl must be between 0 and ttl (" + ttl + "): " + negativeTtl);
        }
    }
}

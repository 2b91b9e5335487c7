package org.opencti.core.adapter.cache;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencti.core.customer.CustomerProfile;

/**
 * The bounded store behind {@link CachingCustomerDirectory}: a least-recently-used map of lookups (by number, by
 * account) with a time to live, an index from customer id to the lookups that found them, and an invalidation epoch.
 * One lock over everything: every operation is a few map steps, far below the JDBC round trip it saves.
 *
 * <p>The epoch closes the read-through race: a reader that fetched from the database while a write was being made may
 * hold the old profile; it notes the epoch before fetching and stores what it read only if no invalidation happened
 * meanwhile. Any invalidation bumps it, so a busy write load costs some cache fills, never a stale entry.
 */
final class ProfileCache {
    enum Kind { PHONE, ACCOUNT }

    record Key(Kind kind, String value) {
        Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code profile} null: nobody found. {@code fetched}: how many recent interactions were asked for. */
    private record Entry(CustomerProfile profile, int fetched, long expiresAtMillis) {
    }

    private final Object lock = new Object();
    private final CustomerCacheSettings settings;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries;
    private final Map<Long, Set<Key>> keysByCustomer = new HashMap<>();
    private long epoch;
    private long hits;
    private long misses;
    private long evictions;

    ProfileCache(CustomerCacheSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                if (size() <= ProfileCache.this.settings.maxEntries()) {
                    return false;
                }
                unindex(eldest.getKey(), eldest.getValue());
                evictions++;
                return true;
            }
        };
    }

    /**
     * The cached answer for {@code recent} interactions: null when not cached (or expired, or cached with fewer
     * interactions than now asked for), else the profile (empty: known to be nobody's).
     */
    Optional<CustomerProfile> get(Key key, int recent) {
        synchronized (lock) {
            Entry entry = entries.get(key);
            if (entry != null && clock.millis() >= entry.expiresAtMillis()) {
                entries.remove(key);
                unindex(key, entry);
                entry = null;
            }
            if (entry == null || !answers(entry, recent)) {
                misses++;
                return null;
            }
            hits++;
            return entry.profile() == null ? Optional.empty() : Optional.of(truncated(entry.profile(), recent));
        }
    }

    /** The epoch to hand back to {@link #put} after fetching. */
    long epoch() {
        synchronized (lock) {
            return epoch;
        }
    }

    /** Keeps what a fetch begun at {@code epochBefore} found, unless something was invalidated since. */
    void put(Key key, Optional<CustomerProfile> found, int fetched, long epochBefore) {
        synchronized (lock) {
            if (epoch != epochBefore) {
                return;
            }
            CustomerProfile profile = found.orElse(null);
            long ttl = (profile == null ? settings.negativeTtl() : settings.ttl()).toMillis();
            if (ttl <= 0) {
                return;
            }
            Entry previous = entries.remove(key);
            if (previous != null) {
                unindex(key, previous);
            }
            entries.put(key, new Entry(profile, fetched, clock.millis() + ttl));
            if (profile != null) {
                keysByCustomer.computeIfAbsent(profile.customer().id(), id -> new HashSet<>()).add(key);
            }
        }
    }

    /** Drops every lookup that found this customer. */
    void invalidateCustomer(long customerId) {
        synchronized (lock) {
            epoch++;
            Set<Key> keys = keysByCustomer.remove(customerId);
            if (keys != null) {
                keys.forEach(entries::remove);
            }
        }
    }

    /** Drops the lookup of this number or account number, whoever (or nobody) it found. */
    void invalidate(Key key) {
        synchronized (lock) {
            epoch++;
            Entry entry = entries.remove(key);
            if (entry != null) {
                unindex(key, entry);
            }
        }
    }

    void clear() {
        synchronized (lock) {
            epoch++;
            entries.clear();
            keysByCustomer.clear();
        }
    }

    CachingCustomerDirectory.CacheStats stats() {
        synchronized (lock) {
            return new CachingCustomerDirectory.CacheStats(hits, misses, evictions, entries.size());
        }
    }

    /**
     * A profile fetched with {@code fetched} interactions answers a request for {@code recent} when it holds at least
     * as many, or when it holds fewer than it asked for (then that was the whole history). A miss answers any.
     */
    private static boolean answers(Entry entry, int recent) {
        return entry.profile() == null || recent <= entry.fetched()
            || entry.profile().recentInteractions().size() < entry.fetched();
    }

    private static CustomerProfile truncated(CustomerProfile profile, int recent) {
        if (profile.recentInteractions().size() <= recent) {
            return profile;
        }
        return new CustomerProfile(profile.customer(), profile.recentInteractions().subList(0, recent),
            profile.openCases(), profile.consents());
    }

    private void unindex(Key key, Entry entry) {
        if (entry.profile() == null) {
            return;
        }
        long id = entry.profile().customer().id();
        Set<Key> keys = keysByCustomer.get(id);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                keysByCustomer.remove(id);
            }
        }
    }
}

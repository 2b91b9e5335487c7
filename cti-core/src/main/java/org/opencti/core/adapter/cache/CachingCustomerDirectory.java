package org.opencti.core.adapter.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencti.core.adapter.cache.ProfileCache.Key;
import org.opencti.core.adapter.cache.ProfileCache.Kind;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerAccounts;
import org.opencti.core.port.InteractionLog;

/**
 * A read-through cache of customer profiles in front of any {@link CustomerAccounts}, by E.164 number and by account
 * number, bounded in size and time (see {@link CustomerCacheSettings}). The screen pop and the IVR look the same
 * caller up several times in a call's first seconds; only the first goes to the database.
 *
 * <p>Every write through this decorator drops what it may change, after the write (and also when it fails, as a
 * timed-out commit may still have happened): a save drops the customer's lookups and those of the numbers and account
 * number it now has (a number may have been nobody's, or resolved to another customer); a consent or a new case drops
 * the customer's; a case status change drops its owner's. Orders and PINs are not part of a profile, so their writes
 * drop nothing, and PIN checks and order lookups always go to the store (a lockout must never be read from a cache).
 *
 * <p>Recent interactions are part of the cached profile, so that a cache hit costs no query at all. They change when a
 * call ends, which is written to the {@link InteractionLog}, not here: the server writes interactions through
 * {@link #invalidating(InteractionLog)}, which drops the customer's lookups once the record is written. Interactions
 * written by another node reach this one through the time to live (at most a minute by default) unless the cross-node
 * invalidation is wired.
 */
public final class CachingCustomerDirectory implements CustomerAccounts {
    private final CustomerAccounts store;
    private final ProfileCache cache;

    public CachingCustomerDirectory(CustomerAccounts store, CustomerCacheSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = new ProfileCache(settings, clock);
    }

    public CachingCustomerDirectory(CustomerAccounts store) {
        this(store, CustomerCacheSettings.DEFAULTS, Clock.systemUTC());
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        Objects.requireNonNull(e164, "e164");
        return readThrough(new Key(Kind.PHONE, e164), recent);
    }

    @Override
    public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        return readThrough(new Key(Kind.ACCOUNT, accountNumber), recent);
    }

    private Optional<CustomerProfile> readThrough(Key key, int recent) {
        if (recent < 0) {
            throw new IllegalArgumentException("recent must not be negative: " + recent);
        }
        Optional<CustomerProfile> cached = cache.get(key, recent);
        if (cached != null) {
            return cached;
        }
        long epoch = cache.epoch();
        Optional<CustomerProfile> found = key.kind() == Kind.PHONE
            ? store.findByPhone(key.value(), recent) : store.findByAccount(key.value(), recent);
        cache.put(key, found, recent, epoch);
        return found;
    }

    /** The store's lookup, bypassing the cache (for comparison and benchmarks). */
    public CustomerAccounts store() {
        return store;
    }

    @Override
    public Customer save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        try {
            return store.save(customer);
        } finally {
            if (customer.id() > 0) {
                cache.invalidateCustomer(customer.id());
            }
            // a new or changed number or account number may have been cached as nobody's, or as another customer's
            for (String number : customer.phoneNumbers()) {
                cache.invalidate(new Key(Kind.PHONE, number));
            }
            if (customer.accountNumber() != null) {
                cache.invalidate(new Key(Kind.ACCOUNT, customer.accountNumber()));
            }
        }
    }

    @Override
    public CustomerCase addCase(long customerId, CustomerCase newCase) {
        try {
            return store.addCase(customerId, newCase);
        } finally {
            cache.invalidateCustomer(customerId);
        }
    }

    @Override
    public CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        OptionalLong owner = store.customerOfCase(caseId);
        try {
            return store.setCaseStatus(caseId, status, at);
        } finally {
            owner.ifPresent(cache::invalidateCustomer);
        }
    }

    @Override
    public void setConsent(long customerId, Consent consent) {
        try {
            store.setConsent(customerId, consent);
        } finally {
            cache.invalidateCustomer(customerId);
        }
    }

    @Override
    public OptionalLong customerOfCase(long caseId) {
        return store.customerOfCase(caseId);
    }

    @Override
    public PinCheck verifyPin(String accountNumber, String pin, Instant now) {
        return store.verifyPin(accountNumber, pin, now);
    }

    @Override
    public void setPin(String accountNumber, String pin) {
        store.setPin(accountNumber, pin);
    }

    @Override
    public Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber) {
        return store.findOrder(accountNumber, orderNumber);
    }

    @Override
    public CustomerOrder saveOrder(long customerId, CustomerOrder order) {
        return store.saveOrder(customerId, order);
    }

    /**
     * The interaction log as it must be written while this cache is in use: a record naming a customer drops their
     * lookups once written (or once the write failed: it may have happened), so their next pop lists it.
     */
    public InteractionLog invalidating(InteractionLog log) {
        Objects.requireNonNull(log, "log");
        return interaction -> {
            Objects.requireNonNull(interaction, "interaction");
            try {
                return log.record(interaction);
            } finally {
                invalidateCustomerOf(interaction);
            }
        };
    }

    private void invalidateCustomerOf(InteractionRecord interaction) {
        if (interaction.customerId() != null) {
            cache.invalidateCustomer(interaction.customerId());
        }
    }

    /** Drops every cached lookup of this customer (a change made elsewhere, e.g. told by another node). */
    public void invalidateCustomer(long customerId) {
        cache.invalidateCustomer(customerId);
    }

    /** Drops everything cached. */
    public void invalidateAll() {
        cache.clear();
    }

    /** Hits, misses, evictions and entries held, since the start. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Counts since the start: lookups answered from the cache, lookups that went to the store, entries evicted. */
    public record CacheStats(long hits, long misses, long evictions, long size) {
    }
}

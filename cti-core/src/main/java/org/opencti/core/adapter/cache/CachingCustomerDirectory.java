package org.opencti.core.adapter.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.opencti.core.adapter.cache.ProfileCache.Key;
import org.opencti.core.adapter.cache.ProfileCache.Kind;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.CustomerAccounts;
import org.opencti.core.port.InteractionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * written by another node reach this one through the time to live (at most a minute by default), or at once when the
 * nodes tell each other (see {@link #onInvalidation}: the server does it over Redis pub/sub).
 */
public final class CachingCustomerDirectory implements CustomerAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(CachingCustomerDirectory.class);

    private final CustomerAccounts store;
    private final ProfileCache cache;
    private volatile Consumer<CacheInvalidation> peers = invalidation -> { };

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

    @Override
    public Customer save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        try {
            return store.save(customer);
        } finally {
            if (customer.id() > 0) {
                dropCustomer(customer.id());
            }
            dropNumbersOf(customer);
        }
    }

    /** A new or changed number or account number may have been cached as nobody's, or as another customer's. */
    void dropNumbersOf(Customer customer) {
        for (String number : customer.phoneNumbers()) {
            drop(new CacheInvalidation(CacheInvalidation.Type.PHONE, number));
        }
        if (customer.accountNumber() != null) {
            drop(new CacheInvalidation(CacheInvalidation.Type.ACCOUNT, customer.accountNumber()));
        }
    }

    @Override
    public CustomerCase addCase(long customerId, CustomerCase newCase) {
        try {
            return store.addCase(customerId, newCase);
        } finally {
            dropCustomer(customerId);
        }
    }

    @Override
    public CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        OptionalLong owner = store.customerOfCase(caseId);
        try {
            return store.setCaseStatus(caseId, status, at);
        } finally {
            owner.ifPresent(this::dropCustomer);
        }
    }

    @Override
    public void setConsent(long customerId, Consent consent) {
        try {
            store.setConsent(customerId, consent);
        } finally {
            dropCustomer(customerId);
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
        return new InteractionLog() {
            @Override
            public boolean record(InteractionRecord interaction) {
                Objects.requireNonNull(interaction, "interaction");
                try {
                    return log.record(interaction);
                } finally {
                    invalidateCustomer(interaction.customerId());
                }
            }

            @Override
            public boolean wrapUp(WrapUpRecord wrapUp) {
                Objects.requireNonNull(wrapUp, "wrapUp");
                try {
                    return log.wrapUp(wrapUp);
                } finally {
                    // the pop shows the disposition and notes: the next one must read them
                    invalidateCustomer(wrapUp.customerId());
                }
            }
        };
    }

    private void invalidateCustomer(Long customerId) {
        if (customerId != null) {
            dropCustomer(customerId);
        }
    }

    void dropCustomer(long customerId) {
        drop(CacheInvalidation.customer(customerId));
    }

    /** What a write through this node changed: dropped here, then told to the other nodes. */
    private void drop(CacheInvalidation invalidation) {
        apply(invalidation);
        try {
            peers.accept(invalidation);
        } catch (RuntimeException e) {
            // the write is done and this node's cache is right; the other nodes fall back on the time to live
            LOG.warn("could not tell the other nodes of {}: {}", invalidation.wire(), e.toString());
        }
    }

    /**
     * Where this node's invalidations go (one at a time, after the write, on the writer's thread: keep it quick, e.g.
     * an asynchronous publish). Replaces the previous one.
     */
    public void onInvalidation(Consumer<CacheInvalidation> publisher) {
        this.peers = Objects.requireNonNull(publisher, "publisher");
    }

    /** Drops what another node's write changed; not told to anyone. */
    public void apply(CacheInvalidation invalidation) {
        if (invalidation.type() == CacheInvalidation.Type.CUSTOMER) {
            cache.invalidateCustomer(Long.parseLong(invalidation.value()));
        } else {
            Kind kind = invalidation.type() == CacheInvalidation.Type.PHONE ? Kind.PHONE : Kind.ACCOUNT;
            cache.invalidate(new Key(kind, invalidation.value()));
        }
    }

    /** Drops everything cached. */
    public void invalidateAll() {
        cache.clear();
    }

    /**
     * Reports to {@code registry}: {@code cti.customer.cache.lookups} by {@code result} (hit, miss),
     * {@code cti.customer.cache.evictions} and the gauge {@code cti.customer.cache.entries}.
     */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("cti.customer.cache.lookups", this, c -> c.stats().hits()).tag("result", "hit")
            .description("Customer profile lookups answered from the cache, or not").register(registry);
        FunctionCounter.builder("cti.customer.cache.lookups", this, c -> c.stats().misses()).tag("result", "miss")
            .description("Customer profile lookups answered from the cache, or not").register(registry);
        FunctionCounter.builder("cti.customer.cache.evictions", this, c -> c.stats().evictions())
            .description("Cached lookups dropped to stay within the size bound").register(registry);
        Gauge.builder("cti.customer.cache.entries", this, c -> c.stats().size())
            .description("Lookups held in the customer cache").register(registry);
    }

    /** Hits, misses, evictions and entries held, since the start. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Counts since the start: lookups answered from the cache, lookups that went to the store, entries evicted. */
    public record CacheStats(long hits, long misses, long evictions, long size) {
    }
}

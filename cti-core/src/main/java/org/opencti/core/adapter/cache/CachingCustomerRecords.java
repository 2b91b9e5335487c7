package org.opencti.core.adapter.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DncEntry;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;

/**
 * The profile cache ({@link CachingCustomerDirectory}) in front of a {@link CustomerRecords} store, as the server uses
 * it: the lookups by number and account and the account writes go through the cache; what people do to a customer
 * (create, contact changes, notes, complaints, consents, erasure) goes to the store and then drops that customer's
 * cached lookups, and those of the numbers and account number they have afterwards. Search, the 360 read by id, the
 * audit trail and the do-not-call list always read the store.
 */
public final class CachingCustomerRecords implements CustomerRecords {
    private final CustomerRecords store;
    private final CachingCustomerDirectory cache;

    public CachingCustomerRecords(CustomerRecords store, CustomerCacheSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = new CachingCustomerDirectory(store, settings, clock);
    }

    public CachingCustomerRecords(CustomerRecords store) {
        this(store, CustomerCacheSettings.DEFAULTS, Clock.systemUTC());
    }

    /** The cache itself: its invalidating interaction log, metrics, cross-node invalidation. */
    public CachingCustomerDirectory cache() {
        return cache;
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        return cache.findByPhone(e164, recent);
    }

    @Override
    public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
        return cache.findByAccount(accountNumber, recent);
    }

    @Override
    public Customer save(Customer customer) {
        return cache.save(customer);
    }

    @Override
    public PinCheck verifyPin(String accountNumber, String pin, Instant now) {
        return cache.verifyPin(accountNumber, pin, now);
    }

    @Override
    public void setPin(String accountNumber, String pin) {
        cache.setPin(accountNumber, pin);
    }

    @Override
    public Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber) {
        return cache.findOrder(accountNumber, orderNumber);
    }

    @Override
    public CustomerOrder saveOrder(long customerId, CustomerOrder order) {
        return cache.saveOrder(customerId, order);
    }

    @Override
    public CustomerCase addCase(long customerId, CustomerCase newCase) {
        return cache.addCase(customerId, newCase);
    }

    @Override
    public CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        return cache.setCaseStatus(caseId, status, at);
    }

    @Override
    public OptionalLong customerOfCase(long caseId) {
        return cache.customerOfCase(caseId);
    }

    @Override
    public void setConsent(long customerId, Consent consent) {
        cache.setConsent(customerId, consent);
    }

    @Override
    public List<Customer> search(CustomerSearch search, int limit, int offset) {
        return store.search(search, limit, offset);
    }

    @Override
    public Optional<CustomerProfile> findById(long customerId, int recent) {
        return store.findById(customerId, recent);
    }

    @Override
    public Optional<Instant> erasedAt(long customerId) {
        return store.erasedAt(customerId);
    }

    @Override
    public Customer create(Customer customer, Actor actor) {
        Objects.requireNonNull(customer, "customer");
        try {
            return store.create(customer, actor);
        } finally {
            cache.dropNumbersOf(customer);
        }
    }

    @Override
    public Customer updateContact(long customerId, ContactChange change, Actor actor) {
        Customer updated = null;
        try {
            updated = store.updateContact(customerId, change, actor);
            return updated;
        } finally {
            cache.dropCustomer(customerId);
            if (updated != null) {
                cache.dropNumbersOf(updated);
            }
        }
    }

    /** A note is an interaction: it shows among the recent ones on the next pop. */
    @Override
    public InteractionSummary addNote(long customerId, String text, Actor actor) {
        try {
            return store.addNote(customerId, text, actor);
        } finally {
            cache.dropCustomer(customerId);
        }
    }

    @Override
    public CustomerCase recordComplaint(long customerId, String summary, Actor actor) {
        try {
            return store.recordComplaint(customerId, summary, actor);
        } finally {
            cache.dropCustomer(customerId);
        }
    }

    /** The PIN is not part of a profile: nothing cached changes. */
    @Override
    public void setPin(String accountNumber, String pin, Actor actor) {
        store.setPin(accountNumber, pin, actor);
    }

    @Override
    public void setConsent(long customerId, Consent consent, Actor actor) {
        try {
            store.setConsent(customerId, consent, actor);
        } finally {
            cache.dropCustomer(customerId);
        }
    }

    /** Every lookup that found them goes: their numbers and account number no longer lead to anyone. */
    @Override
    public Erasure erase(long customerId, Actor actor) {
        try {
            return store.erase(customerId, actor);
        } finally {
            cache.dropCustomer(customerId);
        }
    }

    @Override
    public List<AuditEntry> audit(long customerId, int limit, int offset) {
        return store.audit(customerId, limit, offset);
    }

    @Override
    public Optional<DncEntry> doNotCall(String e164) {
        return store.doNotCall(e164);
    }

    /** See {@link CachingCustomerDirectory#invalidating}. */
    public InteractionLog invalidating(InteractionLog log) {
        return cache.invalidating(log);
    }
}

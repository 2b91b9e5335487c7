package org.opencti.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DncEntry;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.InteractionSummary;

/**
 * What people (agents, supervisors, admins, a CRM) do to customers, each change audited with who and when in the same
 * transaction as the change. Methods may block (JDBC): call them from a worker. Bad input is refused with an
 * IllegalArgumentException naming the field ({@link org.opencti.core.customer.InvalidFieldsException} when several),
 * an unknown customer id with one saying so; a change to an erased customer throws
 * {@link org.opencti.core.customer.CustomerErasedException}. Then nothing stored has changed.
 *
 * <p>{@link #save} (inherited) stays the unaudited bulk path for seeding and synchronisation; people's changes come
 * through here.
 */
public interface CustomerRecords extends CustomerAccounts {
    /**
     * Customers matching the search, by id, {@code limit} 1..100 from {@code offset}; erased customers are never found
     * (nothing personal is left to find them by).
     */
    List<Customer> search(CustomerSearch search, int limit, int offset);

    /** The customer with this id as the pop sees them; empty when unknown or erased (see {@link #erasedAt}). */
    Optional<CustomerProfile> findById(long customerId, int recent);

    /** When this customer was erased; empty when not erased or unknown. */
    Optional<Instant> erasedAt(long customerId);

    /**
     * Stores a new customer ({@code id} 0). Refused with a {@link org.opencti.core.customer.DuplicateCustomerException}
     * when one of their numbers or their e-mail (any case) already belongs to another customer.
     */
    Customer create(Customer customer, Actor actor);

    /**
     * Applies a contact change. The same duplicate check as {@link #create} applies to the numbers and e-mail. Audited
     * with the names of the fields whose values changed; a change that changes nothing writes no audit entry.
     */
    Customer updateContact(long customerId, ContactChange change, Actor actor);

    /**
     * Adds a note to the customer's history: an interaction of channel {@code note} by the actor at the actor's time,
     * so it appears among the recent interactions the pop shows. Text 1..2000 characters.
     */
    InteractionSummary addNote(long customerId, String text, Actor actor);

    /** Opens a complaint case (summary 1..500 characters) for the customer, opened at the actor's time. */
    CustomerCase recordComplaint(long customerId, String summary, Actor actor);

    /** {@link #setPin(String, String)}, audited. */
    void setPin(String accountNumber, String pin, Actor actor);

    /** {@link #setConsent(long, Consent)}, audited. */
    void setConsent(long customerId, Consent consent, Actor actor);

    /**
     * Erases the customer's personal data, irreversibly: name becomes "erased", salutation, numbers, e-mail,
     * preferences, account number, account manager, PIN and consents are removed, case summaries and notes are
     * blanked; interactions stay (for statistics) with the caller number and notes blanked. Every number they had goes
     * on the do-not-call list (source "erasure"). A second erasure changes nothing and says so.
     */
    Erasure erase(long customerId, Actor actor);

    /** The customer's audit trail, oldest first, {@code limit} 1..100 from {@code offset}. */
    List<AuditEntry> audit(long customerId, int limit, int offset);

    /** The do-not-call entry for this E.164 number, if listed. */
    Optional<DncEntry> doNotCall(String e164);
}

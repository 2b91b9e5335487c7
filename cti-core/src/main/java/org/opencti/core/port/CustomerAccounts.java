package org.opencti.core.port;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.PinCheck;

/**
 * A customer directory that also keeps what belongs to the customer's account: the PIN the IVR checks, orders the IVR
 * reports on, open issues and complaints, consent per channel. Methods may block (JDBC): call them from a worker.
 * Bad input is refused with an IllegalArgumentException naming the field, and then nothing stored has changed.
 */
public interface CustomerAccounts extends CustomerDirectory {
    /**
     * Checks a PIN keyed into the IVR at {@code now} (the caller's clock, so tests need no sleeping).
     * {@link org.opencti.core.customer.Pins#MAX_FAILURES} wrong PINs in a row lock the account for
     * {@link org.opencti.core.customer.Pins#LOCKOUT}; while locked every PIN, even the right one, is
     * {@link PinCheck#LOCKED}; a right PIN resets the count. Concurrent checks on one account count every failure.
     */
    PinCheck verifyPin(String accountNumber, String pin, Instant now);

    /**
     * Sets (or replaces) the account's PIN, 4 to 8 digits, stored as a bcrypt hash; clears failures and any lockout.
     * An unknown account number is refused.
     */
    void setPin(String accountNumber, String pin);

    /** The order with this number, only if it belongs to this account (a caller cannot read another's orders). */
    Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber);

    /** Adds or updates an order of this customer; an order number that belongs to another customer is refused. */
    CustomerOrder saveOrder(long customerId, CustomerOrder order);

    /** Stores a new case ({@code id} 0) for this customer; returns it with its id. */
    CustomerCase addCase(long customerId, CustomerCase newCase);

    /**
     * Moves a case to another status at {@code at}: resolving or closing it stamps {@code closedAt}, reopening clears
     * it. Returns the case as stored; an unknown case id is refused.
     */
    CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at);

    /**
     * The customer a case belongs to; empty for an unknown case id. A cache in front of the directory asks it before a
     * status change, so that it drops the profile of the case's owner (reopening a case puts it back on their pop).
     */
    OptionalLong customerOfCase(long caseId);

    /** Records the customer's consent for one channel, replacing the previous answer for that channel. */
    void setConsent(long customerId, Consent consent);
}

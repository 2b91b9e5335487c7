package org.opencti.core.port;

import java.util.Optional;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;

/**
 * Where customers live. Methods may block (JDBC): call them from a worker, never an event loop or the ACD's thread.
 * Bad input is refused with an IllegalArgumentException naming the field, and then nothing stored has changed.
 *
 * <p>What the screen pop and the IVR's data dips read; {@link CustomerAccounts} adds what is kept beside the
 * customer (PINs, orders, cases, consents).
 */
public interface CustomerDirectory {
    /**
     * The customer owning this E.164 number, with their most recent interactions (at most {@code recent}), open cases
     * and consents.
     */
    Optional<CustomerProfile> findByPhone(String e164, int recent);

    /**
     * Insert or update by id (0 = new); returns the stored customer with its id. Writes every field of the customer,
     * but never the PIN (see {@link CustomerAccounts#setPin}), cases, orders or consents.
     */
    Customer save(Customer customer);

    /** The customer with this account number (as the caller keyed it into the IVR), like {@link #findByPhone}. */
    Optional<CustomerProfile> findByAccount(String accountNumber, int recent);
}

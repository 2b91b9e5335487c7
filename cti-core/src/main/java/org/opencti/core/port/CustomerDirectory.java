package org.opencti.core.port;

import java.util.Optional;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;

/** Where customers live. Methods may block (JDBC): call them from a worker, never an event loop. */
public interface CustomerDirectory {
    /** The customer owning this E.164 number, with their most recent interactions (at most {@code recent}). */
    Optional<CustomerProfile> findByPhone(String e164, int recent);

    /** Insert or update by id (0 = new); returns the stored customer with its id. */
    Customer save(Customer customer);
}

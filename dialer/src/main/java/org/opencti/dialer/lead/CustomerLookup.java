package org.opencti.dialer.lead;

import java.util.Optional;
import org.opencti.core.port.CustomerDirectory;

/** Which existing customer owns a number, so a lead can carry the customer id (and the rules for customers apply). */
@FunctionalInterface
public interface CustomerLookup {
    Optional<Long> customerIdFor(String e164);

    static CustomerLookup none() {
        return e164 -> Optional.empty();
    }

    /** Through the customer directory the screen pop uses (no interactions read). */
    static CustomerLookup of(CustomerDirectory directory) {
        return e164 -> directory.findByPhone(e164, 0).map(p -> p.customer().id());
    }
}

package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Optional;

/** What the rules need to know about past dials, over every campaign. {@code since} is exclusive. May block. */
public interface ContactHistory {
    int attemptsToNumber(String e164, Instant since);

    int attemptsToCustomer(long customerId, Instant since);

    /** When this number's most recent abandoned (dropped) call after {@code since} started. */
    Optional<Instant> lastAbandoned(String e164, Instant since);
}

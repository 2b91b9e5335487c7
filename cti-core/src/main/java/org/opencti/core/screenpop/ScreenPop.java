package org.opencti.core.screenpop;

import java.util.Optional;
import org.opencti.core.customer.CustomerProfile;

/**
 * What the agent sees before answering. {@code outcome} says how the lookup went, so the desktop can
 * tell "unknown caller" from "we could not look in time".
 */
public record ScreenPop(String callerNumber, String e164, Outcome outcome, CustomerProfile profile, long lookupMillis) {
    public enum Outcome {
        /** The number belongs to a known customer. */
        FOUND,
        /** Looked up in time, nobody has this number. */
        UNKNOWN_CALLER,
        /** Withheld or not a phone number: nothing to look up. */
        NO_NUMBER,
        /** The directory did not answer within the deadline (or failed): number only. */
        DEGRADED
    }

    public Optional<CustomerProfile> customer() {
        return Optional.ofNullable(profile);
    }
}

package org.opencti.dialer.compliance;

/** Reads a customer's standing from the customer model (consents, cases, orders). May block. */
@FunctionalInterface
public interface CustomerStandings {
    /** {@link CustomerStanding#UNKNOWN} for a customer with nothing recorded (or no longer there). */
    CustomerStanding of(long customerId);
}

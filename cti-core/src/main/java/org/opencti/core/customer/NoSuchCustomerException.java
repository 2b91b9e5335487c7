package org.opencti.core.customer;

/** The customer id names nobody: an IllegalArgumentException, so callers that only know that type still refuse it. */
public final class NoSuchCustomerException extends IllegalArgumentException {
    public NoSuchCustomerException(long customerId) {
        super("no customer with id " + customerId);
    }
}

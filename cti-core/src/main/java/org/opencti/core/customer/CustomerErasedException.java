package org.opencti.core.customer;

import java.time.Instant;

/** A change to a customer whose personal data was erased: refused, since erasure is irreversible. */
public final class CustomerErasedException extends IllegalStateException {
    private final Instant erasedAt;

    public CustomerErasedException(long customerId, Instant erasedAt) {
        super("customer " + customerId + " was erased at " + erasedAt);
        this.erasedAt = erasedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}

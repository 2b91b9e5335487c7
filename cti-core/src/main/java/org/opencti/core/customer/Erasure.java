package org.opencti.core.customer;

import java.time.Instant;
import java.util.List;

/**
 * The result of erasing a customer. {@code erasedNow} is false when they had been erased before (then nothing changed,
 * {@code erasedAt} is the first erasure and no number is added). {@code doNotCall}: the numbers put on the do-not-call
 * list by this erasure.
 */
public record Erasure(long customerId, boolean erasedNow, Instant erasedAt, List<String> doNotCall) {
    public Erasure {
        doNotCall = List.copyOf(doNotCall);
    }
}

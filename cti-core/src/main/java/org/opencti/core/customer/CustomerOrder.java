package org.opencti.core.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An order as the IVR's "where is my order" reads it: the number the customer types, its status and when that
 * status last changed. Order numbers are unique across customers; the directory only hands one out to its owner.
 */
public record CustomerOrder(String orderNumber, Status status, Instant updatedAt) {
    // what a caller can key in or an agent read out: letters, digits and dashes
    private static final Pattern NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,31}$");

    public CustomerOrder {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (orderNumber == null || !NUMBER.matcher(orderNumber).matches()) {
            throw new IllegalArgumentException("orderNumber must be 1-32 letters, digits or dashes, not \""
                + orderNumber + "\"");
        }
    }

    public enum Status {
        RECEIVED, PACKED, SHIPPED, DELIVERED, CANCELLED, RETURNED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String word) {
            return Words.parse(Status.class, "order status", word);
        }
    }
}

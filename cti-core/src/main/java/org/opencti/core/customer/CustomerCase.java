package org.opencti.core.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An issue or complaint the customer raised. {@code id} is 0 until stored. An open or pending case has no
 * {@code closedAt}; a resolved or closed one may have it, never before {@code openedAt}.
 */
public record CustomerCase(long id, Kind kind, Status status, String summary, Instant openedAt, Instant closedAt) {
    public CustomerCase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative: " + id);
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("summary must not be blank");
        }
        if (closedAt != null && status.isOpen()) {
            throw new IllegalArgumentException("closedAt must be empty while the case is " + status.word());
        }
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("closedAt " + closedAt + " is before openedAt " + openedAt);
        }
    }

    /** A new case, not yet stored. */
    public static CustomerCase open(Kind kind, String summary, Instant openedAt) {
        return new CustomerCase(0, kind, Status.OPEN, summary, openedAt, null);
    }

    public CustomerCase withId(long newId) {
        return new CustomerCase(newId, kind, status, summary, openedAt, closedAt);
    }

    public enum Kind {
        ISSUE, COMPLAINT;

        /** The word stored in the database and spoken in the API. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String word) {
            return Words.parse(Kind.class, "kind", word);
        }
    }

    public enum Status {
        OPEN, PENDING, RESOLVED, CLOSED;

        /** Open and pending cases are still the customer's concern; the pop lists them. */
        public boolean isOpen() {
            return this == OPEN || this == PENDING;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String word) {
            return Words.parse(Status.class, "status", word);
        }
    }
}

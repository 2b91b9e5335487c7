package org.opencti.core.customer;

import java.time.Instant;
import java.util.Objects;

/** Who makes a change to a customer and when: what the audit trail records. {@code userId} is the signed-in user. */
public record Actor(String userId, Instant at) {
    public Actor {
        Objects.requireNonNull(at, "at");
        if (userId == null || userId.isBlank() || userId.length() > 100) {
            throw new IllegalArgumentException("userId must be a user id of 1 to 100 characters, not \"" + userId + "\"");
        }
    }
}

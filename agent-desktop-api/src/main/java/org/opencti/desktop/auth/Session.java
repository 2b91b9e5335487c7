package org.opencti.desktop.auth;

import java.time.Instant;

/** A signed-in user's token and when it stops being valid. */
public record Session(String token, User user, Instant expiresAt) {
    @Override
    public String toString() {
        return "Session[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
    }
}

package org.opencti.desktop.auth;

import java.util.Objects;

/** Someone who can sign in. {@code passwordHash} is a bcrypt hash; the clear password is never kept. */
public record User(String id, String name, String team, Role role, String passwordHash) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + "]";
    }
}

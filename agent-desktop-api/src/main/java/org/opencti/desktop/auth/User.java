package org.opencti.desktop.auth;

import java.util.Objects;

/** Someone who can sign in. {@code passwordHash} is a bcrypt hash; the clear password is never kept. */
public record User(String id, String name, String team, Role role, String passwordHash) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Whether this user may see and act on an agent of {@code agentTeam}: an admin any, a supervisor their own team's. */
    public boolean oversees(String agentTeam) {
        if (role == Role.ADMIN) {
            return true;
        }
        return role == Role.SUPERVISOR && team != null && team.equals(agentTeam);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + "]";
    }
}

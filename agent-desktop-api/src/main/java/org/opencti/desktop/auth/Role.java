package org.opencti.desktop.auth;

import java.util.Locale;

/** What a signed-in user may do: an agent their own calls, a supervisor their teams, an admin the configuration. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public static Role parse(String text) {
        return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}

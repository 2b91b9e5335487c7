package org.opencti.desktop.http;

import java.util.Map;

/** What an admin action answers: an HTTP status and a JSON body. */
public record AdminOutcome(int status, Map<String, Object> body) {
    public AdminOutcome {
        body = Map.copyOf(body);
    }
}

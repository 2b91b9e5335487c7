package org.opencti.desktop.ws;

import io.vertx.core.json.JsonObject;

/** A client frame we could not act on: {@code field} names what was wrong, so the client can fix it. */
public final class FrameError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public FrameError(String field, String message) {
        // A reply to the client, not a fault: no stack trace (a flood of bad frames should cost little).
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public JsonObject toJson() {
        return new JsonObject().put("type", "error").put("field", field).put("error", getMessage());
    }
}

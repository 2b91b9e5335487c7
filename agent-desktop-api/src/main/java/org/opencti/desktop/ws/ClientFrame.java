package org.opencti.desktop.ws;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A frame from a desktop, checked against its schema: {@code {"type":"auth","token":"..."}},
 * {@code {"type":"ready"}}, {@code {"type":"notReady","reason":"..."}}, {@code {"type":"ping"}},
 * {@code {"type":"extension","extension":"2101"}} (the agent moves to the desk phone they sit at).
 */
public record ClientFrame(String type, String token, String reason, String extension) {
    private static final Set<String> TYPES = Set.of("auth", "ready", "notReady", "ping", "extension");
    private static final Set<String> FIELDS = Set.of("type", "token", "reason", "extension");
    private static final int MAX_TEXT = 200;

    public static ClientFrame parse(String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new FrameError("$", "not a JSON object: " + firstLine(e.getMessage()));
        }
        Object type = json.getValue("type");
        if (!(type instanceof String t)) {
            throw new FrameError("type", type == null ? "missing" : "must be a string");
        }
        if (!TYPES.contains(t)) {
            throw new FrameError("type", "unknown type \"" + clip(t) + "\"; expected one of " + TYPES);
        }
        for (String key : json.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw new FrameError(clip(key), "unknown field for type " + t);
            }
        }
        String token = optionalText(json, "token");
        String reason = optionalText(json, "reason");
        String extension = optionalText(json, "extension");
        if (t.equals("auth") && (token == null || token.isEmpty())) {
            throw new FrameError("token", "missing");
        }
        if (t.equals("extension") && (extension == null || extension.isEmpty())) {
            throw new FrameError("extension", "missing: the desk extension you sit at");
        }
        return new ClientFrame(t, token, reason, extension);
    }

    private static String optionalText(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new FrameError(field, "must be a string");
        }
        if (s.length() > MAX_TEXT) {
            throw new FrameError(field, "longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return clip(nl < 0 ? s : s.substring(0, nl));
    }
}

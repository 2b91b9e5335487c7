package org.opencti.config;

import java.util.Locale;

/** Keeps secrets out of toString output and error messages. */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {
    }

    /**
     * Masks credentials in a URI or JDBC URL: the password part of the user info, and any {@code password=} query parameter.
     * User info without a colon is masked whole because Lettuce reads {@code redis://secret@host} as a password.
     */
    static String maskUri(String uri) {
        if (uri == null) {
            return null;
        }
        String masked = uri;
        int scheme = masked.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int end = authorityEnd(masked, start);
            int at = masked.lastIndexOf('@', end - 1);
            if (at >= start) {
                String userInfo = masked.substring(start, at);
                int colon = userInfo.indexOf(':');
                String kept = colon >= 0 ? userInfo.substring(0, colon + 1) + MASK : MASK;
                masked = masked.substring(0, start) + kept + masked.substring(at);
            }
        }
        return maskPasswordParameters(masked);
    }

    private static int authorityEnd(String uri, int start) {
        for (int i = start; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return uri.length();
    }

    private static String maskPasswordParameters(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(uri.length());
        int i = 0;
        while (i < uri.length()) {
            int hit = lower.indexOf("password=", i);
            boolean parameterStart = hit > 0 && "?&;".indexOf(uri.charAt(hit - 1)) >= 0;
            if (hit < 0) {
                out.append(uri, i, uri.length());
                break;
            }
            int valueStart = hit + "password=".length();
            out.append(uri, i, valueStart);
            if (!parameterStart) {
                i = valueStart;
                continue;
            }
            int valueEnd = valueStart;
            while (valueEnd < uri.length() && "&;#".indexOf(uri.charAt(valueEnd)) < 0) {
                valueEnd++;
            }
            out.append(MASK);
            i = valueEnd;
        }
        return out.toString();
    }

    /** Quotes a value for an error message, escaping control characters and cutting long values short. */
    static String quote(String value) {
        final int maxShown = 60;
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(value.length(), maxShown);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > maxShown) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}

package org.opencti.config;

import java.util.regex.Pattern;

/**
 * A disposition code an agent may give a call of a queue at wrap-up (what the call was about, how it ended).
 *
 * @param code  what is stored: lower-case letters, digits, {@code _} and {@code -}, at most 32 (as campaign dispositions)
 * @param label what the desktop shows (default: the code)
 */
public record DispositionDef(String code, String label) {
    /** The form of a code, the same as the dialer's campaign dispositions. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,32}");
    public static final int MAX_LABEL = 100;
}

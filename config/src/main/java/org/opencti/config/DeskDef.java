package org.opencti.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the agent desktop allows beyond taking calls: logging in at a desk phone, dialing, scheduled callbacks.
 *
 * @param extensionPattern     a desk extension must match this (whole), or {@code null} when {@link #extensions()} lists them
 * @param extensions           the desk extensions, when not given by a pattern; both empty: agents log in at their own phone only
 * @param extensionDialString  the dial string that rings a desk extension, {@value #EXTENSION_PLACEHOLDER} replaced by it
 *                             ({@code PJSIP/{extension}}); {@code null} when no extensions are configured
 * @param manualDialing        whether agents may dial a number they type (otherwise only numbers on a customer's record)
 * @param callbackGraceSeconds how long a due "to me" callback waits for its busy agent before it goes to its queue (0: at once)
 */
public record DeskDef(String extensionPattern, List<String> extensions, String extensionDialString, boolean manualDialing,
                      int callbackGraceSeconds) {

    public static final String EXTENSION_PLACEHOLDER = "{extension}";
    /** What any extension looks like, whatever the pattern allows: it goes into a dial string. */
    public static final Pattern EXTENSION_SYNTAX = Pattern.compile("[0-9A-Za-z]{1,20}");
    public static final int DEFAULT_CALLBACK_GRACE_SECONDS = 300;
    /** A file without {@code desk:}: no desk extensions, no manual dialing, five minutes' grace. */
    public static final DeskDef DEFAULT = new DeskDef(null, List.of(), null, false, DEFAULT_CALLBACK_GRACE_SECONDS);

    public DeskDef {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Whether agents may log in at a desk extension at all. */
    public boolean hasExtensions() {
        return extensionDialString != null && (extensionPattern != null || !extensions.isEmpty());
    }
}

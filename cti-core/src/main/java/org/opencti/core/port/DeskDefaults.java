package org.opencti.core.port;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an agent chose last time at the desk, offered again at their next login: the desk extension. May block. */
public interface DeskDefaults {
    Optional<String> extension(String agentId);

    /** Remembers the extension the agent logged in at (replacing the one before). */
    void rememberExtension(String agentId, String extension, Instant at);

    /** The extension, or an IllegalArgumentException naming it: 1 to 20 letters or digits (it goes into a dial string). */
    static String checkExtension(String extension) {
        if (extension == null || !Pattern.matches("[0-9A-Za-z]{1,20}", extension)) {
            throw new IllegalArgumentException("extension must be 1 to 20 letters or digits, not \"" + extension + "\"");
        }
        return extension;
    }
}

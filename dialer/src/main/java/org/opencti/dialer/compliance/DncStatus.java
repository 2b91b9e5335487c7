package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Everything the do-not-call lists hold about one number: its internal entry (null when not on our list), the imported
 * national registers that have it (by name), the campaigns whose own lists have it, and what people did to it.
 */
public record DncStatus(String e164, Internal internal, List<National> national, List<Long> campaigns, List<DncChange> history) {
    /** On our list because of {@code source} ({@link DncLists#SOURCES}), said {@code reason}, by whom and when. */
    public record Internal(String source, String reason, String addedBy, Instant addedAt) {
    }

    /** On this imported register since that import. */
    public record National(String registry, Instant importedAt) {
    }

    public DncStatus {
        national = List.copyOf(national);
        campaigns = List.copyOf(campaigns);
        history = List.copyOf(history);
    }

    /** Whether no campaign may dial the number (the internal list or a national register has it). */
    public boolean blockedEverywhere() {
        return internal != null || !national.isEmpty();
    }
}

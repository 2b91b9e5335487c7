package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The do-not-call lists. May block: call from a worker. Numbers are E.164. Every change made through this port is
 * written to the administration trail ({@link DncChange}) with who made it, in the same transaction as the change.
 */
public interface DncLists {
    /** A number found on a list: which one and where it came from (the source or the register). */
    record Hit(DncList list, String source) {
    }

    /** The first list the number is on for this campaign (internal, then the campaign's, then national). */
    Optional<Hit> find(long campaignId, String e164);

    /** Everything the lists hold about the number, with its trail (oldest first). */
    DncStatus status(String e164);

    /**
     * Why a number is on the internal list, as the {@code dnc_numbers} table allows (V5): the customer asked
     * ({@code request}, e.g. a DNC-request disposition), their data was erased, a list was imported, a regulator said so.
     */
    Set<String> SOURCES = Set.of("request", "erasure", "import", "regulator");

    /** Entries of these sources are never removed by a person: a regulator ordered them, or the customer was erased. */
    Set<String> PROTECTED_SOURCES = Set.of("regulator", "erasure");

    int MAX_REASON = 500;

    /**
     * Adds to the internal list; returns false (and changes nothing) when the number is on it already: the first entry
     * and its source stay. {@code source} is one of {@link #SOURCES}; {@code reason} may be null.
     */
    boolean addInternal(String e164, String source, String addedBy, String reason, Instant at);

    /** {@link #addInternal(String, String, String, String, Instant)} without a reason. */
    default void addInternal(String e164, String source, String addedBy, Instant at) {
        addInternal(e164, source, addedBy, null, at);
    }

    /**
     * Takes the number off the internal list; false when it was not on it.
     *
     * @throws ProtectedEntryException when its source is one of {@link #PROTECTED_SOURCES}; nothing changes
     */
    boolean removeInternal(String e164, String removedBy, String reason, Instant at);

    /** Adds to the campaign's own list; false when it is there already. */
    boolean addToCampaign(long campaignId, String e164, String addedBy, Instant at);

    default void addToCampaign(long campaignId, String e164, Instant at) {
        addToCampaign(campaignId, e164, "dialer", at);
    }

    /** Replaces what was imported from this register with these numbers; returns how many are now on it. */
    int importNational(String registry, Collection<String> e164s, String importedBy, Instant at);

    default int importNational(String registry, Collection<String> e164s, Instant at) {
        return importNational(registry, e164s, "dialer", at);
    }

    /** Refused removals: the entry is the regulator's or an erasure's. */
    final class ProtectedEntryException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public ProtectedEntryException(String e164, String source) {
            super(e164 + " is on the internal do-not-call list by " + source + " and cannot be removed");
        }
    }

    /** The source, or an IllegalArgumentException naming it. */
    static String checkSource(String source) {
        if (source == null || !SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + new TreeSet<>(SOURCES) + ", not \"" + source + "\"");
        }
        return source;
    }

    /** A register's name as stored: 1-64 of letters, digits, space, '.', '_' or '-'. */
    Pattern REGISTRY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$");

    static String checkRegistry(String registry) {
        if (registry == null || !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("registry must be 1-64 letters, digits, spaces, '.', '_' or '-' starting with a"
                + " letter or digit, not \"" + registry + "\"");
        }
        return registry;
    }

    /** Who did it: required, at most 64 characters. */
    static String checkActor(String by) {
        if (by == null || by.isBlank() || by.length() > 64) {
            throw new IllegalArgumentException("who made the change is required (at most 64 characters), not \"" + by + "\"");
        }
        return by;
    }

    /** A reason: null, or at most {@link #MAX_REASON} characters. */
    static String checkReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason may have at most " + MAX_REASON + " characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}

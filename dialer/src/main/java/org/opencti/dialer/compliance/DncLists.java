package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The do-not-call lists. May block: call from a worker. Numbers are E.164. */
public interface DncLists {
    /** A number found on a list: which one and where it came from (the source or the register). */
    record Hit(DncList list, String source) {
    }

    /** The first list the number is on for this campaign (internal, then the campaign's, then national). */
    Optional<Hit> find(long campaignId, String e164);

    /**
     * Why a number is on the internal list, as the {@code dnc_numbers} table allows (V5): the customer asked
     * ({@code request}, e.g. a DNC-request disposition), their data was erased, a list was imported, a regulator said so.
     */
    Set<String> SOURCES = Set.of("request", "erasure", "import", "regulator");

    /** Adds to the internal list (idempotent: the first entry and its source stay); {@code source} is one of {@link #SOURCES}. */
    void addInternal(String e164, String source, String addedBy, Instant at);

    /** The source, or an IllegalArgumentException naming it. */
    static String checkSource(String source) {
        if (source == null || !SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + new TreeSet<>(SOURCES) + ", not \"" + source + "\"");
        }
        return source;
    }

    void addToCampaign(long campaignId, String e164, Instant at);

    /** Replaces what was imported from this register with these numbers; returns how many are now on it. */
    int importNational(String registry, Collection<String> e164s, Instant at);
}

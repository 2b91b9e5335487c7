package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** The do-not-call lists. May block: call from a worker. Numbers are E.164. */
public interface DncLists {
    /** A number found on a list: which one and where it came from (the source or the register). */
    record Hit(DncList list, String source) {
    }

    /** The first list the number is on for this campaign (internal, then the campaign's, then national). */
    Optional<Hit> find(long campaignId, String e164);

    /** Adds to the internal list (idempotent: the first entry and its source stay). */
    void addInternal(String e164, String source, String addedBy, Instant at);

    void addToCampaign(long campaignId, String e164, Instant at);

    /** Replaces what was imported from this register with these numbers; returns how many are now on it. */
    int importNational(String registry, Collection<String> e164s, Instant at);
}

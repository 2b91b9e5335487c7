package org.opencti.dialer.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lead lists and their leads. Methods may block (JDBC): call them from a worker. Several nodes may share one store;
 * a lead is claimed by one of them at a time.
 */
public interface LeadStore {
    /**
     * Creates a list for the campaign and loads the leads whose number the campaign does not have yet (in any of its
     * lists). {@code rejectedRows} is how many rows of the file were already turned away (the list records it with
     * the duplicates found here). Returns the new list's id and the numbers that were loaded; the others were duplicates.
     */
    Loaded addList(long campaignId, String name, List<NewLead> leads, int rejectedRows, Instant at);

    record Loaded(long listId, Set<String> loaded) {
        public Loaded {
            loaded = Set.copyOf(loaded);
        }
    }

    /** Of these numbers, the ones the campaign already has in one of its lists. */
    Set<String> existingNumbers(long campaignId, Set<String> e164s);

    /**
     * Claims up to {@code max} dialable leads of the campaign (new, retries that are due, and leads whose lease ran
     * out), best priority first, for {@code nodeId} until {@code now + lease}. Two nodes claiming at once never get the
     * same lead, and neither waits for the other's claim.
     */
    List<Lead> claim(long campaignId, String nodeId, int max, Instant now, Duration lease);

    /**
     * Ends this node's claim: an attempt was made ({@code attempted}) or not (the lead was refused for now), and the
     * lead is dialed again from {@code nextAttemptAt}, or never (null). Refused when the node no longer holds the
     * lead (its lease ran out and another node took it), so a late node cannot undo the other's work.
     */
    void finish(long leadId, String nodeId, boolean attempted, Instant nextAttemptAt);

    Optional<Lead> find(long leadId);

    Optional<ListStatus> listStatus(long listId);

    List<ListStatus> listsOf(long campaignId);

    /** How many of the campaign's leads have been dialed at least once (for the list's penetration). */
    int attemptedLeads(long campaignId);

    /** Flags the list as running low from {@code at}; false when it was already flagged. */
    boolean markLow(long listId, Instant at);
}

package org.opencti.dialer.campaign;

import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state of each stored campaign (draft until first started) and who changed it last. Kept apart from the
 * {@link Campaign} record: editing a campaign never changes whether it runs, and a state change never rewrites the
 * campaign. Methods may block (JDBC): call them from a worker.
 */
public interface CampaignStates {
    /** A campaign's state, since when and by whom (both null while it has never changed from draft). */
    record Status(long campaignId, CampaignState state, Instant changedAt, String changedBy) {
        public Status {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The campaign's status; empty when there is no such campaign. */
    Optional<Status> status(long campaignId);

    /** Every stored campaign's status by id. */
    Map<Long, Status> all();

    /**
     * Moves the campaign to {@code to} if it is in one of {@code from}, atomically (two people pressing start at once:
     * one wins, the other is told the campaign is already running). Returns the status it left.
     *
     * @throws NoSuchElementException when there is no such campaign
     * @throws IllegalStateException  when the campaign is in a state outside {@code from} (the message names it)
     */
    Status move(long campaignId, Set<CampaignState> from, CampaignState to, String by, Instant at);
}

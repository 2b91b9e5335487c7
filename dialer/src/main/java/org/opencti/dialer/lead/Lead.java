package org.opencti.dialer.lead;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.opencti.dialer.campaign.TimeWindow;

/**
 * A stored lead. While {@link LeadStatus#IN_PROGRESS} it is claimed by {@code claimedBy} (a node id) until
 * {@code leaseUntil}; a lease that runs out (the node died) makes the lead claimable again.
 */
public record Lead(long id, long listId, long campaignId, String e164, String firstName, String lastName, ZoneId timeZone,
                   int priority, TimeWindow preferredTime, String externalId, Long customerId, LeadStatus status, int attempts,
                   Instant nextAttemptAt, String claimedBy, Instant leaseUntil) {
    public Lead {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(status, "status");
    }
}

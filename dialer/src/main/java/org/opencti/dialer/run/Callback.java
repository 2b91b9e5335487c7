package org.opencti.dialer.run;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.opencti.dialer.campaign.Words;

/**
 * A callback agreed with a customer: dial the lead again at {@code dueAt}, for {@code agentId} (offered to that agent as
 * a preview when they are free) or, with no agent, for whoever of the campaign is free. Kept in a store so a restart
 * keeps it; while {@link Status#IN_PROGRESS} it is claimed by {@code claimedBy} until {@code leaseUntil}, like a lead.
 */
public record Callback(long id, long campaignId, long leadId, String agentId, Instant dueAt, Status status, int attempts, Long attemptId,
                       String createdBy, Instant createdAt, String claimedBy, Instant leaseUntil) {
    public Callback {
        Objects.requireNonNull(dueAt, "callback dueAt");
        Objects.requireNonNull(status, "callback status");
        if (agentId != null && agentId.isBlank()) {
            agentId = null;
        }
    }

    /** A new callback (id 0) from the attempt where it was agreed. */
    public static Callback schedule(long campaignId, long leadId, String agentId, Instant dueAt, Long attemptId, String createdBy,
                                    Instant createdAt) {
        return new Callback(0, campaignId, leadId, agentId, dueAt, Status.PENDING, 0, attemptId, createdBy, createdAt, null, null);
    }

    /** For any agent of the campaign. */
    public boolean forPool() {
        return agentId == null;
    }

    /** Waiting for its time, claimed by a node, or finished. */
    public enum Status {
        PENDING, IN_PROGRESS, DONE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String word) {
            return Words.parse(Status.class, "callback status", word);
        }
    }
}

package org.opencti.dialer.compliance;

import java.util.Objects;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.lead.Lead;

/** A dial about to be made: the campaign, the lead, and the agent held for this call (null: none reserved). */
public record DialRequest(Campaign campaign, Lead lead, String reservedAgent) {
    public DialRequest {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(lead, "lead");
    }
}

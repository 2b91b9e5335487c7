package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import org.opencti.dialer.campaign.CallOutcome;

/** One dial: started when the line was seized; outcome and disposition come later (null until then). */
public record DialAttempt(long id, long campaignId, Long leadId, String e164, Long customerId, String agentId, Instant startedAt,
                          CallOutcome outcome, String disposition, BigDecimal dispositionValue) {
    public static DialAttempt start(long campaignId, Long leadId, String e164, Long customerId, String agentId, Instant at) {
        return new DialAttempt(0, campaignId, leadId, e164, customerId, agentId, at, null, null, null);
    }
}

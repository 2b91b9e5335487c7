package org.opencti.dialer.compliance;

import java.time.Instant;

/** A refused dial as recorded: which campaign, lead and number, why, and when. */
public record DialRefusal(long campaignId, Long leadId, String e164, RefusalReason reason, String detail, Instant at) {
}

package org.opencti.dialer.compliance;

import java.time.Instant;

/**
 * What the eligibility rules read about a known customer: their voice consent (null: never asked), whether a complaint
 * is open, and when their most recent order last changed (null: no orders).
 */
public record CustomerStanding(Boolean voiceOptIn, boolean openComplaint, Instant lastOrderAt) {
    public static final CustomerStanding UNKNOWN = new CustomerStanding(null, false, null);
}

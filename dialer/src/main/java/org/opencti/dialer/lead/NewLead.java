package org.opencti.dialer.lead;

import java.time.ZoneId;
import java.util.Objects;
import org.opencti.dialer.campaign.TimeWindow;

/**
 * A lead as read from a file and checked, not yet stored: the number in E.164; optional name, time zone (null:
 * unknown, the safe default window applies), priority (higher first), preferred contact time, the id the list's
 * owner knows it by, and the existing customer with this number (null: none).
 */
public record NewLead(long line, String e164, String firstName, String lastName, ZoneId timeZone, int priority,
                      TimeWindow preferredTime, String externalId, Long customerId) {
    public NewLead {
        Objects.requireNonNull(e164, "e164");
    }
}

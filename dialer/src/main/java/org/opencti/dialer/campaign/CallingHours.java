package org.opencti.dialer.campaign;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The local-time rules before a dial: {@code leadLocal} in the lead's own time zone (the legal window, e.g. the US
 * 08:00-21:00), and {@code unknownZone}, narrower, in the campaign's zone for a lead whose zone is not known.
 */
public record CallingHours(TimeWindow leadLocal, TimeWindow unknownZone) {
    public static final CallingHours DEFAULT = new CallingHours(
        new TimeWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)), new TimeWindow(LocalTime.of(9, 0), LocalTime.of(20, 0)));

    public CallingHours {
        Objects.requireNonNull(leadLocal, "callingHours.leadLocal");
        Objects.requireNonNull(unknownZone, "callingHours.unknownZone");
    }
}

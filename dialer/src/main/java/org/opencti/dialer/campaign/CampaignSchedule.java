package org.opencti.dialer.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** When the campaign runs: these days, within this window, in the campaign's time zone. */
public record CampaignSchedule(ZoneId zone, Set<DayOfWeek> days, TimeWindow hours) {
    public CampaignSchedule {
        Objects.requireNonNull(zone, "timeZone");
        Objects.requireNonNull(hours, "hours");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("schedule days must name at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return days.contains(local.getDayOfWeek()) && hours.contains(local.toLocalTime());
    }
}

package org.opencti.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the queues that use it are open. Times are wall-clock times in {@code timeZone}, so opening hours follow daylight
 * saving time.
 *
 * @param name     identifier referenced by {@link QueueDef#calendar()}
 * @param timeZone IANA time zone id ({@code America/New_York}), valid for {@link ZoneId#of}
 * @param hours    weekly opening hours
 * @param holidays dates whose hours replace the weekly ones, each date at most once
 */
public record CalendarDef(String name, String timeZone, List<HoursDef> hours, List<HolidayDef> holidays) {

    public CalendarDef {
        hours = hours == null ? List.of() : List.copyOf(hours);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<HolidayDef> holiday(LocalDate date) {
        return holidays.stream().filter(h -> h.date().equals(date)).findFirst();
    }

    /**
     * True when {@code at} falls in an opening-hours range: one that opens that local day, or an overnight one that opened
     * the day before. A holiday replaces the ranges that open on its date, not the tail of the previous night's range.
     */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone());
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        return rangesOpeningOn(today).stream().anyMatch(h -> h.openAt(time))
                || rangesOpeningOn(today.minusDays(1)).stream().anyMatch(h -> h.openNextDayAt(time));
    }

    /** The ranges that open on {@code date}: the holiday's if it is one, else the weekly ones for its day of the week. */
    public List<HoursDef> rangesOpeningOn(LocalDate date) {
        Optional<HolidayDef> holiday = holiday(date);
        if (holiday.isPresent()) {
            return holiday.get().hours();
        }
        return hours.stream().filter(h -> h.days().contains(date.getDayOfWeek())).toList();
    }
}

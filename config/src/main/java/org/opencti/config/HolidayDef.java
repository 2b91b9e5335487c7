package org.opencti.config;

import java.time.LocalDate;
import java.util.List;

/**
 * A date whose opening hours replace the calendar's weekly hours.
 *
 * @param date  the date, in the calendar's time zone
 * @param name  for people ({@code Christmas Day}); empty when not given
 * @param hours the day's hours; empty means closed all day
 */
public record HolidayDef(LocalDate date, String name, List<HoursDef> hours) {

    public HolidayDef {
        name = name == null ? "" : name;
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    /** True when the queue is closed the whole date (the hours of the day before may still run past midnight into it). */
    public boolean closedAllDay() {
        return hours.isEmpty();
    }
}

package org.opencti.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * One opening-hours range, in the calendar's time zone. {@code opens} is inclusive and {@code closes} exclusive. A range
 * whose {@code closes} is earlier than {@code opens} runs overnight into the next day, and belongs to the day it opens
 * on: {@code FRI 22:00-06:00} is Friday 22:00 to Saturday 06:00.
 *
 * @param days   the days it opens on; empty for a holiday's hours, which apply to the holiday's date
 * @param opens  00:00..23:59
 * @param closes 00:00..23:59, or {@link #END_OF_DAY} for "24:00"; never equal to {@code opens}
 */
public record HoursDef(List<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** What "24:00" is read as: open to the very end of the day. */
    public static final LocalTime END_OF_DAY = LocalTime.MAX;

    public HoursDef {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** True when the range runs past midnight into the next day. */
    public boolean overnight() {
        return closes.isBefore(opens);
    }

    /** True when {@code time}, on a day the range opens, is inside it (the part before midnight, for an overnight range). */
    public boolean openAt(LocalTime time) {
        return !time.isBefore(opens) && (overnight() || closes.equals(END_OF_DAY) || time.isBefore(closes));
    }

    /** True when {@code time}, on the day after one the range opens, is inside its overnight part. */
    public boolean openNextDayAt(LocalTime time) {
        return overnight() && time.isBefore(closes);
    }
}

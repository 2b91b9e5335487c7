package org.opencti.acd.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A weekly opening range: on {@code day} from {@code opens} to {@code closes} (see {@link TimeRange} for 24:00 and overnight). */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public OpeningHours {
        Objects.requireNonNull(day, "day");
        try {
            new TimeRange(opens, closes);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Re-thrown with the day, which the range alone cannot name.
            throw new IllegalArgumentException("opening hours on " + day + ": " + e.getMessage(), e);
        }
    }

    public static OpeningHours of(DayOfWeek day, String range) {
        TimeRange r = TimeRange.parse(range);
        return new OpeningHours(day, r.opens(), r.closes());
    }

    /** The same range on each of the given days, e.g. Monday to Friday 09:00-17:00. */
    public static List<OpeningHours> on(List<DayOfWeek> days, String range) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek d : days) {
            hours.add(of(d, range));
        }
        return hours;
    }

    public TimeRange range() {
        return new TimeRange(opens, closes);
    }

    @Override
    public String toString() {
        return day + " " + range();
    }
}

package org.opencti.acd.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One opening range in wall-clock time, belonging to the day it opens on.
 * {@code closes} may be {@link LocalTime#MAX}, written "24:00", for "until the end of the day"; a {@code closes}
 * at or before {@code opens} (22:00-06:00, or 22:00-00:00) means the range runs past midnight into the next day.
 */
public record TimeRange(LocalTime opens, LocalTime closes) {
    public TimeRange {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.equals(LocalTime.MAX)) {
            throw new IllegalArgumentException("a range cannot open at 24:00");
        }
        if (opens.equals(closes)) {
            throw new IllegalArgumentException("range " + format(opens) + "-" + format(closes)
                + " opens and closes at the same time; use 00:00-24:00 for a whole day");
        }
    }

    /** 00:00-24:00. */
    public static TimeRange allDay() {
        return new TimeRange(LocalTime.MIDNIGHT, LocalTime.MAX);
    }

    /** Parses "09:00-17:30", "22:00-06:00" or "00:00-24:00" (the form the config and tests write). */
    public static TimeRange parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, got '" + text + "'");
        }
        return new TimeRange(time(parts[0]), time(parts[1]));
    }

    /** True when the range ends on the next day; 24:00 ends this day. */
    public boolean overnight() {
        return !closes.equals(LocalTime.MAX) && !closes.isAfter(opens);
    }

    /** Length on a day without a clock change. */
    public Duration nominalLength() {
        return Duration.ofNanos(endNanos() - opens.toNanoOfDay());
    }

    /** Where the range ends, in nanoseconds from the start of the day it opens on (up to two days). */
    long endNanos() {
        if (closes.equals(LocalTime.MAX)) {
            return Duration.ofDays(1).toNanos();
        }
        return overnight() ? Duration.ofDays(1).toNanos() + closes.toNanoOfDay() : closes.toNanoOfDay();
    }

    long startNanos() {
        return opens.toNanoOfDay();
    }

    @Override
    public String toString() {
        return format(opens) + "-" + format(closes);
    }

    static String format(LocalTime time) {
        if (time.equals(LocalTime.MAX)) {
            return "24:00";
        }
        return time.toString();
    }

    private static LocalTime time(String text) {
        String t = text.trim();
        if (t.equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day: '" + t + "'", e);
        }
    }
}

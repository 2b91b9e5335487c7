package org.opencti.dialer.campaign;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A window of local time on one day, start inclusive, end exclusive (09:00-20:00 allows 19:59:59, not 20:00). An end of
 * 24:00 ({@link #END_OF_DAY}) runs to midnight, so 00:00-24:00 is the whole day (23:59 as the end left the day's last
 * minute out).
 */
public record TimeWindow(LocalTime start, LocalTime end) {
    /** The end "24:00": {@link LocalTime#MAX}, which PostgreSQL's driver reads and writes as TIME 24:00:00. */
    public static final LocalTime END_OF_DAY = LocalTime.MAX;

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after its start " + start);
        }
    }

    /** "09:00-20:00"; "24:00" as the end is midnight at the end of the day. */
    public static TimeWindow parse(String field, String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("-");
        if (parts.length != 2 || !parts[0].trim().matches("\\d\\d:\\d\\d") || !parts[1].trim().matches("\\d\\d:\\d\\d")) {
            throw new IllegalArgumentException(field + " must look like 09:00-20:00, not \"" + text + "\"");
        }
        try {
            String end = parts[1].trim();
            return new TimeWindow(LocalTime.parse(parts[0].trim()), "24:00".equals(end) ? END_OF_DAY : LocalTime.parse(end));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must look like 09:00-20:00, not \"" + text + "\"", e);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && (time.isBefore(end) || END_OF_DAY.equals(end));
    }

    @Override
    public String toString() {
        return start + "-" + (END_OF_DAY.equals(end) ? "24:00" : end);
    }
}

package org.opencti.dialer.campaign;

import java.time.LocalTime;
import java.util.Objects;

/** A window of local time on one day, start inclusive, end exclusive (09:00-20:00 allows 19:59:59, not 20:00). */
public record TimeWindow(LocalTime start, LocalTime end) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after its start " + start);
        }
    }

    /** "09:00-20:00". */
    public static TimeWindow parse(String field, String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("-");
        if (parts.length != 2 || !parts[0].trim().matches("\\d\\d:\\d\\d") || !parts[1].trim().matches("\\d\\d:\\d\\d")) {
            throw new IllegalArgumentException(field + " must look like 09:00-20:00, not \"" + text + "\"");
        }
        try {
            return new TimeWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must look like 09:00-20:00, not \"" + text + "\"", e);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}

package org.opencti.acd.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A date, in the queue's own time zone, whose hours replace the weekly ones: no {@code specialHours} means closed
 * all day. Like weekly ranges, a special range belongs to the day it opens on, so 22:00-02:00 runs into the next day.
 */
public record Holiday(LocalDate date, String name, List<TimeRange> specialHours) {
    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        specialHours = List.copyOf(specialHours);
        List<Overlaps.Span> spans = new ArrayList<>();
        for (TimeRange r : specialHours) {
            spans.add(new Overlaps.Span(r.startNanos(), r.endNanos(), r.toString()));
        }
        Overlaps.requireDisjoint(spans, "special hours of holiday " + date + " (" + name + ") overlap");
    }

    public static Holiday closed(LocalDate date, String name) {
        return new Holiday(date, name, List.of());
    }

    public boolean closedAllDay() {
        return specialHours.isEmpty();
    }
}

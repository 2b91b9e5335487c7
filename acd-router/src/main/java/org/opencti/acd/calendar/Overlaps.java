package org.opencti.acd.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds overlapping ranges so a calendar with an ambiguous definition is refused with both ranges named. */
final class Overlaps {
    record Span(long start, long end, String label) {
    }

    private Overlaps() {
    }

    static void requireDisjoint(List<Span> spans, String what) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::start).thenComparingLong(Span::end));
        Span reach = null;
        for (Span s : sorted) {
            // Touching ranges (12:00 close, 12:00 open) are fine: the calendar simply stays open.
            if (reach != null && s.start() < reach.end()) {
                throw new IllegalArgumentException(what + ": " + reach.label() + " and " + s.label());
            }
            if (reach == null || s.end() > reach.end()) {
                reach = s;
            }
        }
    }
}

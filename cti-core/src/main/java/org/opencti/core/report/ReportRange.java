package org.opencti.core.report;

import java.time.Instant;
import java.util.Objects;

/** What a report covers: contacts that started in {@code [from, to)}, in bins of {@code interval}. */
public record ReportRange(Instant from, Instant to, Interval interval) {
    public ReportRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (from.plus(interval.maxRange()).isBefore(to)) {
            throw new IllegalArgumentException("a report at " + interval.label() + " covers at most "
                + interval.maxRange().toDays() + " days; " + from + " to " + to + " is longer");
        }
    }

    public long binSeconds() {
        return interval.width().toSeconds();
    }
}

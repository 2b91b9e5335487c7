package org.opencti.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a report covers: contacts that started in {@code [from, to)}, in bins of {@code interval} on the wall clock of
 * {@code zone}: a day bin runs from local midnight to local midnight (23 or 25 hours across a daylight-saving change),
 * an hour bin from one local hour to the next (the repeated hour of an autumn change is two bins, told apart by their
 * instants). The first bin starts at or before {@code from}, where {@code from} falls on the zone's wall clock.
 */
public record ReportRange(Instant from, Instant to, Interval interval, ZoneId zone) {
    public ReportRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(zone, "zone");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (from.plus(interval.maxRange()).isBefore(to)) {
            throw new IllegalArgumentException("a report at " + interval.label() + " covers at most "
                + interval.maxRange().toDays() + " days; " + from + " to " + to + " is longer");
        }
    }

    /** Binned in UTC. */
    public ReportRange(Instant from, Instant to, Interval interval) {
        this(from, to, interval, ZoneOffset.UTC);
    }

    /**
     * The instants where the bins start, in order: the first at or before {@code from}, the last before {@code to}.
     * A row belongs to the last bin starting at or before its instant; its bin ends where the next starts (the last
     * where {@link #binEnd} says).
     */
    public List<Instant> binStarts() {
        List<Instant> out = new ArrayList<>();
        Instant start = floor(from);
        while (start.isBefore(to)) {
            out.add(start);
            start = next(start);
        }
        return out;
    }

    /** Where the bin starting at {@code start} ends: the next bin's start. */
    public Instant binEnd(Instant start) {
        return next(start);
    }

    /** The start of the bin holding {@code instant}. */
    public Instant floor(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime start = switch (interval) {
            case QUARTER_HOUR -> local.truncatedTo(ChronoUnit.MINUTES).withMinute(local.getMinute() / 15 * 15);
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
            case DAY -> local.toLocalDate().atStartOfDay(zone);
        };
        return start.toInstant();
    }

    private Instant next(Instant start) {
        if (interval == Interval.DAY) {
            return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        // one width of real time on, back to the start of the local bin it lands in: the same as plus(width) wherever the
        // zone's offsets differ by whole bins, and a shorter bin where a change is not (a 30-minute DST shift)
        Instant later = floor(start.plus(interval.width()));
        return later.isAfter(start) ? later : start.plus(interval.width());
    }
}

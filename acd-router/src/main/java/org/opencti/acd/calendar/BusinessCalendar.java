package org.opencti.acd.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A queue's opening hours and holidays, in the queue's own time zone. Immutable.
 *
 * <p>Each range belongs to the local date it opens on: a Monday 22:00-06:00 range is open until 06:00 on Tuesday
 * even if Tuesday is a holiday, and a holiday on Monday removes it. Boundaries are wall-clock times turned into
 * instants as "the first instant the clock reads that time or later", which settles the clock-change days:
 * a boundary inside the spring-forward gap falls on the instant the clocks jump, and one inside the
 * fall-back hour falls on its first occurrence. Ranges that touch (09:00-12:00, 12:00-17:00) form one open period.
 */
public final class BusinessCalendar {
    /** A week plus a day: if no change is found in this span the weekly hours alone never change. */
    private static final int SCAN_DAYS = 9;
    private static final Comparator<Interval> BY_START = Comparator.comparing(Interval::start);

    private final ZoneId zone;
    private final List<OpeningHours> weekly;
    private final Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
    private final TreeMap<LocalDate, Holiday> holidays = new TreeMap<>();

    private record Interval(Instant start, Instant end) {
    }

    public BusinessCalendar(ZoneId zone, List<OpeningHours> weekly, List<Holiday> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekly = List.copyOf(weekly);
        for (DayOfWeek d : DayOfWeek.values()) {
            byDay.put(d, new ArrayList<>());
        }
        for (OpeningHours h : this.weekly) {
            byDay.get(h.day()).add(h.range());
        }
        requireNoWeeklyOverlap(this.weekly);
        for (Holiday h : holidays) {
            Holiday previous = this.holidays.put(h.date(), h);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate holiday date " + h.date() + " (" + previous.name() + ", " + h.name() + ")");
            }
        }
    }

    /** Open every day, all day: the calendar of a queue that has none. */
    public static BusinessCalendar alwaysOpen() {
        List<OpeningHours> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(new OpeningHours(d, LocalTime.MIDNIGHT, LocalTime.MAX));
        }
        return new BusinessCalendar(ZoneOffset.UTC, all, List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public List<OpeningHours> weekly() {
        return weekly;
    }

    public List<Holiday> holidays() {
        return List.copyOf(holidays.values());
    }

    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** The ranges that open on {@code date}: the holiday's special hours if it is one, else the weekly ones. */
    public List<TimeRange> hoursOn(LocalDate date) {
        Holiday h = holidays.get(date);
        return h != null ? h.specialHours() : List.copyOf(byDay.get(date.getDayOfWeek()));
    }

    public boolean isOpen(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        // Two days back for overnight ranges; one ahead because a clock change at midnight can shift a day's first instant.
        for (LocalDate d = day.minusDays(2); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Interval i : intervalsOpeningOn(d)) {
                if (!at.isBefore(i.start()) && at.isBefore(i.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first instant strictly after {@code after} at which {@link #isOpen} changes, so the ACD can set one timer
     * instead of polling. Empty when it never changes again (always open, never open, or past the last holiday of a
     * calendar whose weekly hours cover every minute).
     */
    public Optional<Instant> nextChange(Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate();
        LocalDate soon = day.plusDays(SCAN_DAYS);
        Optional<Instant> change = changeBefore(after, day, soon);
        if (change.isPresent() || holidays.isEmpty()) {
            return change;
        }
        // Only a holiday far ahead can still change a calendar whose weekly hours did not change within a week.
        LocalDate last = holidays.lastKey().plusDays(2);
        return last.isAfter(soon) ? changeBefore(after, day, last) : Optional.empty();
    }

    private Optional<Instant> changeBefore(Instant after, LocalDate day, LocalDate horizon) {
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate d = day.minusDays(2); !d.isAfter(horizon); d = d.plusDays(1)) {
            intervals.addAll(intervalsOpeningOn(d));
        }
        intervals.sort(BY_START);
        // A boundary at or past the horizon's first instant might merge with a range we did not generate.
        Instant limit = instantOf(horizon.atStartOfDay());
        Instant blockStart = null;
        Instant blockEnd = null;
        for (Interval i : intervals) {
            if (blockEnd != null && !i.start().isAfter(blockEnd)) {
                if (i.end().isAfter(blockEnd)) {
                    blockEnd = i.end();
                }
                continue;
            }
            Optional<Instant> hit = boundaryAfter(blockStart, blockEnd, after, limit);
            if (hit.isPresent()) {
                return hit;
            }
            blockStart = i.start();
            blockEnd = i.end();
        }
        return boundaryAfter(blockStart, blockEnd, after, limit);
    }

    private static Optional<Instant> boundaryAfter(Instant start, Instant end, Instant after, Instant limit) {
        if (start == null) {
            return Optional.empty();
        }
        Instant boundary = start.isAfter(after) ? start : end;
        return boundary.isAfter(after) && boundary.isBefore(limit) ? Optional.of(boundary) : Optional.empty();
    }

    private List<Interval> intervalsOpeningOn(LocalDate date) {
        List<Interval> out = new ArrayList<>();
        for (TimeRange r : hoursOn(date)) {
            Instant start = instantOf(date.atTime(r.opens()));
            Instant end;
            if (r.closes().equals(LocalTime.MAX)) {
                end = instantOf(date.plusDays(1).atStartOfDay());
            } else if (r.overnight()) {
                end = instantOf(date.plusDays(1).atTime(r.closes()));
            } else {
                end = instantOf(date.atTime(r.closes()));
            }
            // A short range inside a spring-forward gap never happens on that day.
            if (end.isAfter(start)) {
                out.add(new Interval(start, end));
            }
        }
        return out;
    }

    /** The first instant at which the local clock reads {@code local} or later. */
    private Instant instantOf(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        Instant earliest = local.toInstant(offsets.get(0));
        for (ZoneOffset o : offsets) {
            Instant candidate = local.toInstant(o);
            if (candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    private static void requireNoWeeklyOverlap(List<OpeningHours> weekly) {
        long day = Duration.ofDays(1).toNanos();
        long week = 7 * day;
        List<Overlaps.Span> spans = new ArrayList<>();
        for (OpeningHours h : weekly) {
            TimeRange r = h.range();
            long start = (h.day().getValue() - 1) * day + r.startNanos();
            long end = (h.day().getValue() - 1) * day + r.endNanos();
            String label = h.toString();
            // Sunday night into Monday morning wraps round the week.
            if (end > week) {
                spans.add(new Overlaps.Span(start, week, label));
                spans.add(new Overlaps.Span(0, end - week, label));
            } else {
                spans.add(new Overlaps.Span(start, end, label));
            }
        }
        Overlaps.requireDisjoint(spans, "opening hours overlap");
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + weekly + ", holidays " + holidays.keySet() + "]";
    }
}

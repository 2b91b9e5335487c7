package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendars: weekly opening hours and holidays, with the overlaps and impossible times a person easily writes. */
final class CalendarBinder {

    static final List<String> CALENDAR_KEYS = List.of("name", "timeZone", "hours", "holidays");
    static final List<String> HOURS_KEYS = List.of("days", "opens", "closes");
    static final List<String> HOLIDAY_KEYS = List.of("date", "name", "hours");
    /** A holiday's hours apply to its date, so they name no days. */
    static final List<String> HOLIDAY_HOURS_KEYS = List.of("opens", "closes");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");
    /** Strict, so that 2026-02-30 is an error rather than quietly the 28th. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    private final Section root;
    private final Problems problems;

    CalendarBinder(Section root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    List<CalendarDef> calendars() {
        List<CalendarDef> calendars = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> items = root.list("calendars");
        for (int i = 0; i < items.size(); i++) {
            Section calendar = Section.of(items.get(i), Problems.item(root.pathOf("calendars"), i), problems, CALENDAR_KEYS);
            String name = Names.unique(calendar, "name", names, "calendar", problems);
            String zone = timeZone(calendar);
            List<HoursDef> hours = weeklyHours(calendar);
            calendars.add(new CalendarDef(name, zone, hours, holidays(calendar)));
        }
        return calendars;
    }

    private String timeZone(Section calendar) {
        String zone = calendar.required("timeZone");
        if (zone == null) {
            return null;
        }
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            String hint = problems.didYouMean(zone, ZoneId.getAvailableZoneIds());
            hint = hint.isEmpty() ? " (an IANA zone such as America/New_York or Europe/London)" : hint;
            problems.add(calendar.pathOf("timeZone"), "unknown time zone " + Secrets.quote(zone) + hint);
            return null;
        }
    }

    private List<HoursDef> weeklyHours(Section calendar) {
        List<JsonNode> items = calendar.list("hours");
        if (items.isEmpty()) {
            // Without any, every call would meet the closed overflow; a queue that never closes needs no calendar at all.
            problems.add(calendar.pathOf("hours"), "at least one range is required (for always open: days: [MON, TUE, WED, THU, FRI,"
                    + " SAT, SUN], opens: \"00:00\", closes: \"24:00\")");
        }
        List<HoursDef> hours = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section range = Section.of(items.get(i), Problems.item(calendar.pathOf("hours"), i), problems, HOURS_KEYS);
            List<DayOfWeek> days = days(range);
            HoursDef def = range(range, days);
            hours.add(def);
            if (def.opens() != null && def.closes() != null) {
                for (DayOfWeek day : days) {
                    int start = (day.getValue() - 1) * MINUTES_PER_DAY;
                    addSpans(spans, i, start + minutes(def.opens()), start + length(def) + minutes(def.opens()), MINUTES_PER_WEEK);
                }
            }
        }
        reportOverlaps(spans, calendar.pathOf("hours"), true);
        return hours;
    }

    private List<DayOfWeek> days(Section range) {
        List<DayOfWeek> days = new ArrayList<>();
        List<JsonNode> items = range.list("days");
        if (items.isEmpty()) {
            problems.add(range.pathOf("days"), "required (MON, TUE, WED, THU, FRI, SAT, SUN)");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(range.pathOf("days"), i);
            JsonNode item = items.get(i);
            DayOfWeek day = item.isTextual() ? day(item.asText()) : null;
            if (day == null) {
                String text = item.isTextual() ? Secrets.quote(item.asText()) + " " + Suggest.hint(item.asText(), DAYS)
                        : Section.describe(item);
                problems.add(path, "unknown day " + text);
            } else if (days.contains(day)) {
                problems.add(path, DAYS.get(day.getValue() - 1) + " is listed twice");
            } else {
                days.add(day);
            }
        }
        return days;
    }

    /** MON or MONDAY, in any case. */
    private static DayOfWeek day(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        int index = DAYS.indexOf(upper);
        if (index >= 0) {
            return DayOfWeek.of(index + 1);
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper)) {
                return day;
            }
        }
        return null;
    }

    private HoursDef range(Section range, List<DayOfWeek> days) {
        LocalTime opens = time(range, "opens", false);
        LocalTime closes = time(range, "closes", true);
        if (opens != null && opens.equals(closes)) {
            problems.add(range.pathOf("closes"), "same as opens (" + range.string("opens", "") + "); for all day write opens: \"00:00\","
                    + " closes: \"24:00\"");
            return new HoursDef(days, null, null);
        }
        return new HoursDef(days, opens, closes);
    }

    private LocalTime time(Section range, String key, boolean closing) {
        String text = range.required(key);
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (closing && "24:00".equals(trimmed)) {
            return HoursDef.END_OF_DAY;
        }
        Matcher matcher = TIME.matcher(trimmed);
        if (!matcher.matches()) {
            problems.add(range.pathOf(key), Secrets.quote(text) + " is not a time (HH:MM, 00:00 to " + (closing ? "24:00" : "23:59")
                    + ")");
            return null;
        }
        return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    private List<HolidayDef> holidays(Section calendar) {
        List<HolidayDef> holidays = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<JsonNode> items = calendar.list("holidays");
        for (int i = 0; i < items.size(); i++) {
            Section holiday = Section.of(items.get(i), Problems.item(calendar.pathOf("holidays"), i), problems, HOLIDAY_KEYS);
            LocalDate date = date(holiday);
            Integer earlier = date == null ? null : seen.putIfAbsent(date, i);
            if (earlier != null) {
                problems.add(holiday.pathOf("date"), "duplicate holiday " + date + " (holidays[" + earlier + "])");
            }
            String name = holiday.string("name", "");
            List<HoursDef> hours = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            List<JsonNode> ranges = holiday.list("hours");
            for (int j = 0; j < ranges.size(); j++) {
                Section range = Section.of(ranges.get(j), Problems.item(holiday.pathOf("hours"), j), problems, HOLIDAY_HOURS_KEYS);
                HoursDef def = range(range, List.of());
                hours.add(def);
                if (def.opens() != null && def.closes() != null) {
                    int opens = minutes(def.opens());
                    addSpans(spans, j, opens, opens + length(def), Integer.MAX_VALUE);
                }
            }
            reportOverlaps(spans, holiday.pathOf("hours"), false);
            holidays.add(new HolidayDef(date, name, hours));
        }
        return holidays;
    }

    private LocalDate date(Section holiday) {
        String text = holiday.required("date");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeException e) {
            problems.add(holiday.pathOf("date"), Secrets.quote(text) + " is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static int minutes(LocalTime time) {
        return time.equals(HoursDef.END_OF_DAY) ? MINUTES_PER_DAY : time.getHour() * 60 + time.getMinute();
    }

    /** Minutes from opening to closing, overnight ranges running into the next day. */
    private static int length(HoursDef range) {
        int length = minutes(range.closes()) - minutes(range.opens());
        return length > 0 ? length : length + MINUTES_PER_DAY;
    }

    /** Adds {@code [start, end)}, split where it wraps past {@code period} (Sunday night into Monday). */
    private static void addSpans(List<Span> spans, int entry, int start, int end, int period) {
        if (end > period) {
            spans.add(new Span(entry, start, period));
            spans.add(new Span(entry, 0, end - period));
        } else {
            spans.add(new Span(entry, start, end));
        }
    }

    /**
     * Reports each range that overlaps an earlier-starting one, at the later of the two in the file, in file order. Sorted by
     * start and swept once, so a hostile file with thousands of ranges costs n log n, not n squared.
     */
    private void reportOverlaps(List<Span> spans, String listPath, boolean weekly) {
        spans.sort(Comparator.comparingInt(Span::start));
        Map<Integer, String> overlaps = new TreeMap<>();
        Span reach = null;
        for (Span span : spans) {
            if (reach != null && span.start() < reach.end() && span.entry() != reach.entry()) {
                int later = Math.max(span.entry(), reach.entry());
                int other = Math.min(span.entry(), reach.entry());
                String day = weekly ? " on " + DAYS.get(span.start() / MINUTES_PER_DAY) : "";
                overlaps.putIfAbsent(later, "overlaps hours[" + other + "]" + day);
            }
            if (reach == null || span.end() > reach.end()) {
                reach = span;
            }
        }
        overlaps.forEach((entry, message) -> problems.add(Problems.item(listPath, entry), message));
    }

    /** Minutes from the start of the week (weekly hours) or of the holiday, {@code entry} being the index in the file. */
    private record Span(int entry, int start, int end) {
    }
}

package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.dialer.campaign.Assignment;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.CallingHours;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignSchedule;
import org.opencti.dialer.campaign.ContactCap;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.campaign.Eligibility;
import org.opencti.dialer.campaign.RetryRule;
import org.opencti.dialer.campaign.TimeWindow;

/**
 * Reads a campaign from its JSON (create and replace): every field of {@link Campaign}, each checked, and every bad one
 * named at once by its path ({@code retryRules[1].delay}) in an {@link InvalidFieldsException}. Absent optional fields
 * take the usual defaults (calling hours 08:00-21:00 and 09:00-20:00, 3 %, busy and no-answer retries, the standard
 * dispositions, no caps, list-low at 100); an empty list means none. Unknown fields are refused by name; the read-only
 * fields of the answer ({@code id}, {@code state}, ...) are ignored, so what was read can be sent back edited.
 */
final class CampaignForm extends JsonFields {
    static final int MAX_NAME = 100;
    static final int MAX_SCRIPT = 20_000;
    static final int MAX_MESSAGE = 1_000;
    static final int MAX_ITEMS = 50;
    static final int MAX_AGENTS = 1_000;
    private static final Set<String> FIELDS = Set.of("name", "mode", "assignment", "callerId", "schedule", "callingHours",
        "abandonLimitPercent", "retryRules", "amd", "safeHarbourMessage", "script", "dispositions", "caps", "eligibility",
        "listLowThreshold");
    private static final Set<String> READ_ONLY = Set.of("id", "state", "stateChangedAt", "stateChangedBy", "lists");
    private static final Duration MAX_DELAY = Duration.ofDays(30);
    private static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");
    /** The retry rules a campaign gets when none are given: those of {@link Campaign#draft}. */
    private static final List<RetryRule> DEFAULT_RETRIES = Campaign.draft("defaults", "+15551230000", new CampaignSchedule(
        ZoneId.of("UTC"), CampaignSchedule.WEEKDAYS, TimeWindow.parse("hours", "09:00-17:00")), Assignment.skill("any")).retryRules();

    private final CampaignStaff staff;
    private final PhoneNumbers numbers;

    private CampaignForm(CampaignStaff staff, PhoneNumbers numbers) {
        this.staff = staff;
        this.numbers = numbers;
    }

    /** The campaign the body describes, with this id (0: a new one). */
    static Campaign read(JsonObject body, long id, CampaignStaff staff, PhoneNumbers numbers) {
        return new CampaignForm(staff, numbers).campaign(body, id);
    }

    private Campaign campaign(JsonObject body, long id) {
        Set<String> allowed = new TreeSet<>(FIELDS);
        allowed.addAll(READ_ONLY);
        only(body, "", allowed);
        String name = text(body, "name", "name", true, MAX_NAME);
        DialMode mode = word(body, "mode", "mode", DialMode::of, null);
        Assignment assignment = assignment(body.getValue("assignment"));
        String callerId = callerId(body.getValue("callerId"));
        CampaignSchedule schedule = schedule(body.getValue("schedule"));
        CallingHours hours = callingHours(body.getValue("callingHours"));
        BigDecimal abandon = decimal(body, "abandonLimitPercent", "abandonLimitPercent", BigDecimal.ZERO, BigDecimal.valueOf(100),
            Campaign.DEFAULT_ABANDON_LIMIT);
        List<RetryRule> retries = list(body, "retryRules", "retryRules", MAX_ITEMS, this::retryRule, DEFAULT_RETRIES);
        boolean amd = bool(body, "amd", "amd", false);
        String message = text(body, "safeHarbourMessage", "safeHarbourMessage", true, MAX_MESSAGE);
        String script = body.containsKey("script") ? text(body, "script", "script", false, MAX_SCRIPT) : "";
        List<Disposition> dispositions = list(body, "dispositions", "dispositions", MAX_ITEMS, this::disposition,
            Disposition.standardSet());
        List<ContactCap> caps = list(body, "caps", "caps", MAX_ITEMS, this::cap, List.of());
        Eligibility eligibility = eligibility(body.getValue("eligibility"));
        Integer listLow = whole(body, "listLowThreshold", "listLowThreshold", 0, 1_000_000, Campaign.DEFAULT_LIST_LOW_THRESHOLD);
        unique("retryRules", retries, (r, i) -> r.outcome().word(), "outcome");
        unique("dispositions", dispositions, (d, i) -> d.code(), "code");
        unique("caps", caps, (c, i) -> c.scope().word() + " " + period(c.period()), "period");
        failIfBad();
        return new Campaign(id, name.strip(), mode, assignment, callerId, schedule, hours, abandon, retries, amd, message, script == null
            ? "" : script, dispositions, caps, eligibility, listLow);
    }

    private Assignment assignment(Object value) {
        JsonObject o = object(value, "assignment", true);
        if (o == null) {
            return null;
        }
        only(o, "assignment", Set.of("agents", "skill"));
        Set<String> agents = new TreeSet<>();
        List<String> given = list(o, "agents", "assignment.agents", MAX_AGENTS, (item, path) -> {
            if (!(item instanceof String id) || id.isBlank()) {
                return bad(path, "an agent id, a string");
            }
            if (!staff.agents().containsKey(id)) {
                return bad(path, "no agent \"" + clip(id) + "\" in this centre");
            }
            if (!agents.add(id)) {
                return bad(path, "agent " + id + " is listed twice");
            }
            return id;
        }, List.of());
        String skill = o.getValue("skill") == null ? null : text(o, "skill", "assignment.skill", false, 64);
        if (skill != null && !staff.skills().contains(skill)) {
            bad("assignment.skill", "no skill \"" + clip(skill) + "\"; the centre has " + String.join(", ", new TreeSet<>(staff.skills())));
            return null;
        }
        if (given == null || has("assignment.agents") || has("assignment.skill")) {
            return null;
        }
        if (agents.isEmpty() && skill == null) {
            bad("assignment", "name agents or a skill (or both): who works the campaign");
            return null;
        }
        return new Assignment(agents, skill);
    }

    private String callerId(Object value) {
        if (!(value instanceof String raw) || raw.isBlank()) {
            return bad("callerId", "required, the number the called person sees (E.164 or the centre's own format)");
        }
        return numbers.toE164(raw).orElseGet(() -> bad("callerId", "not a phone number: \"" + clip(raw) + "\""));
    }

    private CampaignSchedule schedule(Object value) {
        JsonObject o = object(value, "schedule", true);
        if (o == null) {
            return null;
        }
        only(o, "schedule", Set.of("timeZone", "days", "hours"));
        ZoneId zone = zone(o.getValue("timeZone"), "schedule.timeZone");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<DayOfWeek> given = list(o, "days", "schedule.days", 7, (item, path) -> {
            DayOfWeek day = item instanceof String s ? DAYS.get(s.strip().toLowerCase(Locale.ROOT)) : null;
            if (day == null) {
                return bad(path, "a day: monday ... sunday (or mon ... sun)");
            }
            if (!days.add(day)) {
                return bad(path, day.getDisplayName(TextStyle.FULL, Locale.ROOT).toLowerCase(Locale.ROOT) + " is listed twice");
            }
            return day;
        }, null);
        if (given != null && given.isEmpty()) {
            bad("schedule.days", "name at least one day");
        }
        TimeWindow window = window(o.getValue("hours"), "schedule.hours", null);
        return zone == null || window == null || given == null || given.isEmpty() ? null : new CampaignSchedule(zone, days, window);
    }

    private CallingHours callingHours(Object value) {
        if (value == null) {
            return CallingHours.DEFAULT;
        }
        JsonObject o = object(value, "callingHours", false);
        if (o == null) {
            return null;
        }
        only(o, "callingHours", Set.of("leadLocal", "unknownZone"));
        TimeWindow lead = window(o.getValue("leadLocal"), "callingHours.leadLocal", CallingHours.DEFAULT.leadLocal());
        TimeWindow unknown = window(o.getValue("unknownZone"), "callingHours.unknownZone", CallingHours.DEFAULT.unknownZone());
        return lead == null || unknown == null ? null : new CallingHours(lead, unknown);
    }

    private RetryRule retryRule(Object item, String path) {
        JsonObject o = object(item, path, true);
        if (o == null) {
            return null;
        }
        only(o, path, Set.of("outcome", "maxAttempts", "delay"));
        CallOutcome outcome = word(o, "outcome", path + ".outcome", CallOutcome::of, null);
        Integer max = whole(o, "maxAttempts", path + ".maxAttempts", 1, 100, null);
        Duration delay = duration(o.getValue("delay"), path + ".delay", Duration.ZERO, MAX_DELAY);
        return outcome == null || max == null || delay == null ? null : new RetryRule(outcome, max, delay);
    }

    private Disposition disposition(Object item, String path) {
        JsonObject o = object(item, path, true);
        if (o == null) {
            return null;
        }
        only(o, path, Set.of("code", "label", "value", "flags"));
        String code = text(o, "code", path + ".code", true, 32);
        if (code != null && !code.matches("[a-z0-9_-]{1,32}")) {
            code = bad(path + ".code", "1-32 of a-z, 0-9, _ or -, not \"" + clip(code) + "\"");
        }
        String label = text(o, "label", path + ".label", true, MAX_NAME);
        BigDecimal value = decimal(o, "value", path + ".value", MAX_VALUE.negate(), MAX_VALUE, BigDecimal.ZERO);
        Set<Disposition.Flag> flags = EnumSet.noneOf(Disposition.Flag.class);
        list(o, "flags", path + ".flags", 4, (flag, at) -> {
            Disposition.Flag f = flag instanceof String s ? parse(s, at, Disposition.Flag::of) : bad(at, "a flag: dnc_request, callback,"
                + " sale or final");
            if (f != null) {
                flags.add(f);
            }
            return f;
        }, List.of());
        return code == null || label == null || value == null ? null : new Disposition(code, label.strip(), value, flags);
    }

    private ContactCap cap(Object item, String path) {
        JsonObject o = object(item, path, true);
        if (o == null) {
            return null;
        }
        only(o, path, Set.of("scope", "maxAttempts", "period"));
        ContactCap.Scope scope = word(o, "scope", path + ".scope", ContactCap.Scope::of, null);
        Integer max = whole(o, "maxAttempts", path + ".maxAttempts", 1, 1_000, null);
        Duration period = duration(o.getValue("period"), path + ".period", Duration.ofMinutes(1), MAX_PERIOD);
        return scope == null || max == null || period == null ? null : new ContactCap(scope, max, period);
    }

    private Eligibility eligibility(Object value) {
        if (value == null) {
            return Eligibility.DEFAULT;
        }
        JsonObject o = object(value, "eligibility", false);
        if (o == null) {
            return null;
        }
        only(o, "eligibility", Set.of("recentOrderDays", "skipOpenComplaints", "requireVoiceConsent"));
        Integer days = whole(o, "recentOrderDays", "eligibility.recentOrderDays", 0, 3650, Eligibility.DEFAULT.recentOrderDays());
        boolean complaints = bool(o, "skipOpenComplaints", "eligibility.skipOpenComplaints", Eligibility.DEFAULT.skipOpenComplaints());
        boolean consent = bool(o, "requireVoiceConsent", "eligibility.requireVoiceConsent", Eligibility.DEFAULT.requireVoiceConsent());
        return days == null ? null : new Eligibility(days, complaints, consent);
    }

    private ZoneId zone(Object value, String path) {
        if (!(value instanceof String id) || id.isBlank()) {
            return bad(path, "required, a time zone such as America/New_York");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return bad(path, "unknown time zone \"" + clip(id) + "\" (use a tz name such as America/New_York)");
        }
    }

    private TimeWindow window(Object value, String path, TimeWindow fallback) {
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            return bad(path, "required, a window such as 09:00-17:00");
        }
        try {
            return TimeWindow.parse(path, text);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().startsWith(path) ? e.getMessage().substring(path.length()).strip() : e.getMessage();
            return bad(path, why);
        }
    }

    private Duration duration(Object value, String path, Duration min, Duration max) {
        if (!(value instanceof String text)) {
            return bad(path, "required, an ISO-8601 duration such as PT15M, PT2H or P7D");
        }
        try {
            Duration d = Duration.parse(text.strip());
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                return bad(path, "must be " + period(min) + " to " + period(max) + ", not " + text);
            }
            return d;
        } catch (DateTimeException e) {
            return bad(path, "an ISO-8601 duration such as PT15M, PT2H or P7D, not \"" + clip(text) + "\"");
        }
    }

    /** Durations as people write them: whole days as P7D, the rest as PT2H30M. */
    static String period(Duration d) {
        return !d.isZero() && d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private <T> void unique(String list, List<T> items, BiFunction<T, Integer, String> key, String field) {
        if (items == null) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(key.apply(items.get(i), i), i);
            if (first != null) {
                bad(list + "[" + i + "]." + field, "the same as " + list + "[" + first + "]: " + key.apply(items.get(i), i));
            }
        }
    }

    private static final Map<String, DayOfWeek> DAYS = days();

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> out = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            out.put(full, d);
            out.put(full.substring(0, 3), d);
        }
        return Map.copyOf(out);
    }

    static List<String> dayNames(Set<DayOfWeek> days) {
        List<String> out = new ArrayList<>();
        days.stream().sorted().forEach(d -> out.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)));
        return out;
    }

    static JsonArray array(List<String> values) {
        return new JsonArray(new ArrayList<>(values));
    }
}

package org.opencti.acd;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a callback is due, as the agent gave it: an instant, and the zone it is shown in. Read from
 * {@code 2026-03-02T14:30} (local, in the agent's zone if they gave one, else the centre's) or from a time with an offset
 * ({@code 2026-03-02T14:30:00Z}, {@code ...+01:00}).
 */
public record CallbackTime(Instant at, ZoneId zone) {

    /** Reads {@code text}; a refusal names the field ({@code dueAt} or {@code timeZone}) and says what is wrong. */
    public static CallbackTime parse(String text, String zoneName, ZoneId centre) {
        ZoneId zone = centre;
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                throw new DeskRefusal(DeskRefusal.Kind.INVALID, "timeZone", "unknown time zone \"" + clip(zoneName)
                    + "\" (an IANA zone such as Europe/London)");
            }
        }
        if (text == null || text.isBlank()) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "dueAt", "required: when to call back, like 2026-03-02T14:30");
        }
        try {
            return new CallbackTime(OffsetDateTime.parse(text).toInstant(), zone);
        } catch (DateTimeParseException notOffset) {
            // a local time: read in the zone, which must have it (not in the hour the clocks skip)
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "dueAt", "\"" + clip(text)
                + "\" is not a date and time like 2026-03-02T14:30 (or 2026-03-02T14:30:00Z)");
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "dueAt", local + " does not exist in " + zone
                + " (the clocks skip it): pick another time");
        }
        return new CallbackTime(local.atZone(zone).toInstant(), zone);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

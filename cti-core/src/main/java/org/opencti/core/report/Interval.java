package org.opencti.core.report;

import java.time.Duration;
import java.util.Locale;

/** The width of a report's time bins, on the wall clock of the report's zone (see {@link ReportRange}). */
public enum Interval {
    QUARTER_HOUR("15m", Duration.ofMinutes(15), Duration.ofDays(92)),
    HOUR("1h", Duration.ofHours(1), Duration.ofDays(366)),
    DAY("1d", Duration.ofDays(1), Duration.ofDays(3 * 366));

    private final String label;
    private final Duration width;
    /** The longest range one request may cover at this width, so a request cannot run away. */
    private final Duration maxRange;

    Interval(String label, Duration width, Duration maxRange) {
        this.label = label;
        this.width = width;
        this.maxRange = maxRange;
    }

    public String label() {
        return label;
    }

    public Duration width() {
        return width;
    }

    public Duration maxRange() {
        return maxRange;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Interval parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Interval i : values()) {
            if (i.label.equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("interval must be 15m, 1h or 1d, not \"" + text + "\"");
    }
}

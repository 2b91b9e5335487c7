package org.opencti.dialer.compliance;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of a log read in time order, and where the next page starts ({@code next} null: this was the last). Pages are
 * keyed by (instant, id), never by an offset, so a page deep into millions of rows costs what the first does and rows
 * written meanwhile do not shift the pages.
 */
public record LogPage<T>(List<T> rows, Cursor next) {
    public static final int MAX_LIMIT = 1_000;

    public LogPage {
        rows = List.copyOf(rows);
    }

    /** The last row a page ended on: the next page starts after it. Written as {@code 2026-03-04T17:00:00.123456Z_42}. */
    public record Cursor(Instant at, long id) {
        public Cursor {
            Objects.requireNonNull(at, "at");
        }

        public String encode() {
            return at + "_" + id;
        }

        /** The cursor {@link #encode()} wrote; an IllegalArgumentException for anything else. */
        public static Cursor parse(String text) {
            int cut = text == null ? -1 : text.lastIndexOf('_');
            if (cut > 0 && text.length() <= 64) {
                try {
                    return new Cursor(Instant.parse(text.substring(0, cut)), Long.parseLong(text.substring(cut + 1)));
                } catch (DateTimeException | NumberFormatException e) {
                    // refused below
                }
            }
            throw new IllegalArgumentException("not a page cursor (use the next value of the previous page): \"" + text + "\"");
        }
    }

    /** A limit between 1 and {@link #MAX_LIMIT}, or an IllegalArgumentException. */
    public static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    /** A range whose start comes before its end, or an IllegalArgumentException. */
    public static void checkRange(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must come before to " + to);
        }
    }
}

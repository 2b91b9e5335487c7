package org.opencti.pbxsim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How Asterisk writes times on AMI. */
final class AmiTime {
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private AmiTime() {
    }

    /** {@code Timestamp:} value: Unix seconds, a dot, six digits of microseconds ({@code 1795346158.257066}). */
    static String timestamp(Instant at) {
        long micros = at.getNano() / 1_000L;
        return at.getEpochSecond() + "." + String.format("%06d", micros);
    }

    /** Security events' {@code EventTV}: {@code 2026-11-22T11:15:50.957+0000}. */
    static String eventTv(Instant at) {
        return EVENT_TV.format(at);
    }

    static String date(Instant at) {
        return DATE.format(at);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    /** {@code HH:MM:SS} as in CoreShowChannel {@code Duration}. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}

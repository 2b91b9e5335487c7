package org.opencti.acd.stats;

import java.time.Instant;
import java.util.Arrays;

/**
 * A rolling window as a ring of per-minute buckets: recording touches one bucket (O(1)), reading adds up the
 * window's buckets (O(minutes)), and memory does not grow with the number of calls. A window of N minutes covers
 * the current minute and the N - 1 before it, so an event leaves it between N - 1 and N minutes after it happened.
 */
final class MinuteWindow {
    private final Counts[] buckets;
    private final long[] minuteOf;

    MinuteWindow(int minutes) {
        buckets = new Counts[minutes];
        minuteOf = new long[minutes];
        for (int i = 0; i < minutes; i++) {
            buckets[i] = new Counts();
        }
        Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    /** The bucket for {@code at}, or null if a later minute already took its place (the event is too old to count). */
    Counts bucketFor(Instant at) {
        long minute = Math.floorDiv(at.getEpochSecond(), 60L);
        int i = (int) Math.floorMod(minute, (long) buckets.length);
        if (minuteOf[i] == minute) {
            return buckets[i];
        }
        if (minuteOf[i] > minute) {
            return null;
        }
        buckets[i].clear();
        minuteOf[i] = minute;
        return buckets[i];
    }

    Counts sum(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60L);
        Counts sum = new Counts();
        for (int i = 0; i < buckets.length; i++) {
            if (minuteOf[i] <= current && minuteOf[i] > current - buckets.length) {
                buckets[i].addTo(sum);
            }
        }
        return sum;
    }
}

package org.opencti.dialer.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Event counts of a few kinds over a rolling window, kept in time buckets so that a 30-day window of a busy campaign
 * costs one small array per bucket, not one entry per call. The window is rounded out to whole buckets: a count
 * includes everything since the start of the bucket that holds {@code now - window}, so it may cover up to one bucket
 * more than the window and never less (the conservative side for an abandon rate that must stay under a limit over
 * every window).
 */
final class RollingCounts {
    private final long bucketMillis;
    private final long windowMillis;
    private final int kinds;
    private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();
    private final long[] totals;

    private record Bucket(long index, long[] counts) {
    }

    RollingCounts(Duration window, Duration bucket, int kinds) {
        if (bucket.isZero() || bucket.isNegative() || window.compareTo(bucket) < 0) {
            throw new IllegalArgumentException("rolling window " + window + " must be at least one bucket of " + bucket);
        }
        this.bucketMillis = bucket.toMillis();
        this.windowMillis = window.toMillis();
        this.kinds = kinds;
        this.totals = new long[kinds];
    }

    void add(Instant at, int kind) {
        add(at, kind, 1);
    }

    /** {@code n} events of one kind at {@code at}; an instant before the newest bucket joins that bucket (see below). */
    void add(Instant at, int kind, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("an event count must be >= 0, got " + n);
        }
        long index = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        Bucket last = buckets.peekLast();
        if (last == null || index > last.index()) {
            last = new Bucket(index, new long[kinds]);
            buckets.addLast(last);
        }
        // An event reported late (index below the newest bucket) joins the newest bucket: it then stays in the window
        // a little longer than it should, which errs on the side of a higher rate.
        last.counts()[kind] += n;
        totals[kind] += n;
        evict(at);
    }

    /** Forgets every count (before counts from elsewhere are put back, oldest first, each into its own bucket). */
    void clear() {
        buckets.clear();
        Arrays.fill(totals, 0);
    }

    long count(Instant now, int kind) {
        evict(now);
        return totals[kind];
    }

    private void evict(Instant now) {
        long oldestKept = Math.floorDiv(now.toEpochMilli() - windowMillis, bucketMillis);
        while (!buckets.isEmpty() && buckets.peekFirst().index() < oldestKept) {
            long[] gone = buckets.pollFirst().counts();
            for (int k = 0; k < kinds; k++) {
                totals[k] -= gone[k];
            }
        }
    }
}

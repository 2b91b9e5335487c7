package org.opencti.bench;

import java.util.Arrays;

/** Latencies in microseconds, kept whole (a run has thousands, not millions); recording can be switched on and off. */
final class LatencyRecorder {
    private long[] values = new long[16_384];
    private int size;
    private volatile boolean recording;

    void recording(boolean on) {
        recording = on;
    }

    boolean recording() {
        return recording;
    }

    /** Records {@code micros} if recording is on; returns whether it did. */
    synchronized boolean record(long micros) {
        if (!recording) {
            return false;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
        return true;
    }

    /** A copy of the figures so far. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    /** Percentiles of a sorted sample. */
    record Summary(long[] sorted) {
        int count() {
            return sorted.length;
        }

        /** The nearest-rank percentile in microseconds ({@code p} in 0..100); -1 when empty. */
        long percentile(double p) {
            if (sorted.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
        }

        long max() {
            return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
        }

        static String ms(long micros) {
            return micros < 0 ? "n/a" : String.format("%.2f ms", micros / 1000.0);
        }

        String line() {
            return String.format("p50 %s, p90 %s, p99 %s, p99.9 %s, max %s (n=%d)", ms(percentile(50)), ms(percentile(90)),
                ms(percentile(99)), ms(percentile(99.9)), ms(max()), count());
        }
    }
}

package org.opencti.acd.stats;

import java.time.Duration;
import java.util.Optional;

/** The expected-wait estimate and the sentence the caller hears. */
public final class ExpectedWait {
    private ExpectedWait() {
    }

    /**
     * position × average handle time ÷ agents serving: with every agent busy, one frees up every AHT ÷ agents on
     * average and the caller at {@code position} needs that many. Rounded up to a whole second, so we never promise
     * less than we computed.
     */
    public static Duration estimate(int position, int agentsServing, Duration averageHandleTime) {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, got " + position);
        }
        if (agentsServing < 1) {
            throw new IllegalArgumentException("an estimate needs at least one agent serving, got " + agentsServing);
        }
        long millis = ceilDiv(averageHandleTime.toMillis() * position, agentsServing);
        return Duration.ofSeconds(ceilDiv(millis, 1000));
    }

    /**
     * "You are caller number 3. Your expected wait is about 2 minutes." Minutes are rounded up (a caller forgives
     * an early answer, not a late one); under a minute says "less than a minute".
     */
    public static String announcement(int position, Duration expectedWait) {
        long seconds = expectedWait.getSeconds() + (expectedWait.getNano() > 0 ? 1 : 0);
        if (seconds < 60) {
            return position(position) + " Your expected wait is less than a minute.";
        }
        long minutes = ceilDiv(seconds, 60);
        return position(position) + " Your expected wait is about " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }

    /** Without an estimate (no agents, no history yet) the caller hears only their position. */
    public static String announcement(int position, Optional<Duration> expectedWait) {
        return expectedWait.map(w -> announcement(position, w)).orElseGet(() -> position(position));
    }

    private static String position(int position) {
        return "You are caller number " + position + ".";
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}

package org.opencti.acd.routing;

import java.time.Duration;

/** An agent's calls and talk time since the start of the day; kept across logouts so a break does not reset them. */
final class DayTally {
    int calls;
    long talkNanos;

    void add(Duration talk) {
        calls++;
        talkNanos = saturatedAdd(talkNanos, talk.getSeconds() > Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : talk.toNanos());
    }

    void reset() {
        calls = 0;
        talkNanos = 0;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}

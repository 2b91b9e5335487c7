package org.opencti.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and simulation: nothing happens until {@link #advance} moves the clock,
 * then due tasks run in time order on the caller's thread. Not thread-safe by design.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private final MutableClock clock;
    private long sequence;

    public ManualScheduler(Instant start) {
        this.clock = new MutableClock(start);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        due.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Moves time forward, running every task that falls due on the way, each at its own instant. */
    public void advance(Duration by) {
        Instant until = clock.instant().plus(by);
        while (!due.isEmpty() && !due.peek().at.isAfter(until)) {
            Entry next = due.poll();
            clock.now = next.at;
            if (!next.cancelled) {
                next.task.run();
            }
        }
        clock.now = until;
    }

    /** Runs tasks due now (zero-delay work) without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    public int pending() {
        return (int) due.stream().filter(e -> !e.cancelled).count();
    }

    private static final class Entry implements Comparable<Entry> {
        final Instant at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Entry(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.opencti.core.queuelog;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling: the writers run on threads of their own. */
final class Await {
    static final Duration DEFAULT = Duration.ofSeconds(15);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + what);
            }
            // the poll interval of the deadline loop, not a guess at how long the writer takes
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}

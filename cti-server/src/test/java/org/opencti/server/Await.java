package org.opencti.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (never a fixed sleep standing in for synchronisation). */
final class Await {
    private Await() {
    }

    static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("timed out after " + deadline.toSeconds() + " s waiting for: " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}

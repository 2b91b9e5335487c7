package org.opencti.core.time;

import java.time.Clock;
import java.time.Duration;

/** Time as the engines see it: a clock and a way to run something later. Injected, so tests control it. */
public interface Scheduler {
    Clock clock();

    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}

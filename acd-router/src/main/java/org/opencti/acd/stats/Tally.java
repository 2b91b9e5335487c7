package org.opencti.acd.stats;

import java.time.Instant;
import java.util.function.Consumer;

/** The same counters kept twice: for today (until {@link #startNewDay}) and for the rolling window. */
final class Tally {
    static final Figures EMPTY = new Counts().figures();

    private final Counts today = new Counts();
    private final MinuteWindow window;

    Tally(int windowMinutes) {
        window = new MinuteWindow(windowMinutes);
    }

    void record(Instant at, Consumer<Counts> change) {
        change.accept(today);
        Counts bucket = window.bucketFor(at);
        if (bucket != null) {
            change.accept(bucket);
        }
    }

    Figures today() {
        return today.figures();
    }

    Figures window(Instant now) {
        return window.sum(now).figures();
    }

    void startNewDay() {
        today.clear();
    }
}

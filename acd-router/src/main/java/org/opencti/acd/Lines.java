package org.opencti.acd;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Serial lines by key: what must stay in order is one agent's bookings, one call's live-call writes, one agent's states
 * (a later write never overtakes an earlier one of the same key), not everything. A key always lands on the same line, so
 * its tasks run one at a time in the order handed in; different keys run side by side on the shared pool, so one slow
 * store round trip does not hold up every agent on the floor.
 */
@FunctionalInterface
public interface Lines {
    /** The line that runs {@code key}'s tasks. */
    Executor of(String key);

    /** One line for every key (tests; a pool of one). */
    static Lines one(Executor line) {
        Objects.requireNonNull(line, "line");
        return key -> line;
    }

    /** {@code count} serial lines over {@code pool}, a key's line chosen by its hash. */
    static Lines striped(Executor pool, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one line: " + count);
        }
        SerialExecutor[] lines = new SerialExecutor[count];
        for (int i = 0; i < count; i++) {
            lines[i] = new SerialExecutor(pool);
        }
        return key -> lines[Math.floorMod(Objects.hashCode(key), count)];
    }
}

package org.opencti.core.queuelog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The queue log in a list, for tests and the demo. Keeps every append, replays included (like the file). Holds
 * its lock only to add to the list, so {@link #append} does not block in any way that matters.
 */
public final class InMemoryQueueLog implements QueueLog {
    private final List<QueueLogEntry> entries = new ArrayList<>();
    private boolean closed;

    @Override
    public void append(QueueLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (entries) {
            if (!closed) {
                entries.add(entry);
            }
        }
    }

    /** A copy of what was appended, in order. */
    public List<QueueLogEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public void close() {
        synchronized (entries) {
            closed = true;
        }
    }
}

package org.opencti.core.queuelog;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every entry to each of its logs, in the order given (typically the file and PostgreSQL). A log that
 * throws is logged and counted, and the others still get the entry: one broken store must not cost the other its
 * copy, nor reach the ACD.
 */
public final class CompositeQueueLog implements QueueLog {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeQueueLog.class);

    private final List<QueueLog> logs;
    private final AtomicLong failures = new AtomicLong();

    public CompositeQueueLog(List<QueueLog> logs) {
        this.logs = List.copyOf(Objects.requireNonNull(logs, "logs"));
    }

    @Override
    public void append(QueueLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        for (QueueLog log : logs) {
            try {
                log.append(entry);
            } catch (RuntimeException e) {
                // the count tells how often; log the first few in full and then only now and then, so a log that
                // always fails cannot flood the application log from the ACD's thread
                long n = failures.incrementAndGet();
                if (n <= 3 || Long.bitCount(n) == 1) {
                    LOG.warn("queue log {} failed to take a {} entry ({} failures so far)", log, entry.event(), n, e);
                }
            }
        }
    }

    /** How many times one of the logs threw on {@link #append}. */
    public long failures() {
        return failures.get();
    }

    public List<QueueLog> logs() {
        return logs;
    }

    /** Closes each log in order; one that throws does not keep the others open. */
    @Override
    public void close() {
        for (QueueLog log : logs) {
            try {
                log.close();
            } catch (RuntimeException e) {
                LOG.warn("queue log {} failed to close", log, e);
            }
        }
    }
}

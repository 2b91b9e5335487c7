package org.opencti.core.queuelog;

/**
 * The ACD's event log in Asterisk's queue_log layout (port). The ACD's single thread calls {@link #append}, so an
 * adapter must never block it on I/O and never throw a storage failure at it: adapters hand entries to a writer
 * thread of their own, and count and log what goes wrong.
 */
public interface QueueLog extends AutoCloseable {
    /**
     * Takes the entry for writing and returns at once. Entries are written in the order they were appended.
     * Whether appending the same entry again writes it again depends on the adapter (the file does, PostgreSQL
     * does not). Appends after {@link #close} are ignored.
     *
     * @throws NullPointerException when {@code entry} is null (a bug in the caller, not a storage failure)
     */
    void append(QueueLogEntry entry);

    /**
     * Writes what was appended before (waiting a bounded time for a store that is down), then releases the store.
     * Does not throw; idempotent.
     */
    @Override
    void close();
}

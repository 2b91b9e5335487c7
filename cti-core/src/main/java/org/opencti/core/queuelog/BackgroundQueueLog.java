package org.opencti.core.queuelog;

import java.time.Duration;
import java.util.List;
import org.opencti.core.write.BackgroundWriter;

/**
 * A queue log written by a thread of its own ({@link BackgroundWriter}), so that {@link #append} never waits for I/O:
 * bounded, in order, retried through outages, flushed on {@link #close} for up to the close timeout. A subclass must
 * tolerate a batch being written again after a failure that came after the write took effect.
 */
public abstract sealed class BackgroundQueueLog implements QueueLog permits FileQueueLog, PostgresQueueLog {
    public static final int DEFAULT_CAPACITY = BackgroundWriter.DEFAULT_CAPACITY;
    public static final Duration DEFAULT_CLOSE_TIMEOUT = BackgroundWriter.DEFAULT_CLOSE_TIMEOUT;

    private final BackgroundWriter<QueueLogEntry> writer;

    BackgroundQueueLog(String threadName, String description, int capacity, Duration closeTimeout) {
        this.writer = new BackgroundWriter<>(threadName, description, capacity, closeTimeout, new BackgroundWriter.Sink<>() {
            @Override
            public void write(List<QueueLogEntry> batch) throws Exception {
                BackgroundQueueLog.this.write(batch);
            }

            @Override
            public void release() throws Exception {
                BackgroundQueueLog.this.release();
            }
        }, entry -> "an entry (" + entry.event() + ")");
    }

    /** Called by the subclass as the last step of its constructor, so the writer sees it fully built. */
    final void start() {
        writer.start();
    }

    /** Writes the batch, in order, or throws; called on the writer thread only. */
    abstract void write(List<QueueLogEntry> batch) throws Exception;

    /** Releases the store (file handle); called once on the writer thread when it stops. */
    abstract void release() throws Exception;

    @Override
    public final void append(QueueLogEntry entry) {
        writer.submit(entry);
    }

    /** Entries appended and not yet written: queued, or in the batch being written. */
    public int pending() {
        return writer.pending();
    }

    /** Entries the store has taken (for PostgreSQL including replays it skipped and values it refused). */
    public long written() {
        return writer.written();
    }

    /** Entries refused by {@link #append} because {@code capacity} entries were waiting already. */
    public long overflowed() {
        return writer.overflowed();
    }

    /** Failed attempts to write a batch (each retry of the same batch counts again). */
    public long writeFailures() {
        return writer.writeFailures();
    }

    /** Entries appended after {@link #close}, or still unwritten when the close timeout ran out. */
    public long lost() {
        return writer.lost();
    }

    /** Asks the writer to retry now rather than at the end of its back-off. */
    final void wakeWriter() {
        writer.wake();
    }

    @Override
    public final void close() {
        writer.close();
    }

    @Override
    public String toString() {
        return writer.toString();
    }
}

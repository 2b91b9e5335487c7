package org.opencti.core.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items written to a store by a thread of its own, so that {@link #submit} never waits for I/O: the queue_log, the
 * interaction history.
 *
 * <p>{@link #submit} puts the item in a buffer bounded by {@code capacity} items not yet written (those queued and
 * those being written). When the buffer is full the new item is refused and counted ({@link #overflowed}): the oldest
 * items are kept, so what is lost is a stretch at the end of an outage, not scattered items.
 *
 * <p>The writer takes up to {@value #MAX_BATCH} items at a time, in submit order. When the store fails, the same batch
 * is retried (after 50 ms, doubling up to 2 s) until it is written, and nothing behind it overtakes it: the items are
 * written later, in order, not lost. A sink must therefore tolerate a batch being written again after a failure that
 * came after the write took effect (an idempotent key).
 *
 * <p>{@link #close} stops taking items, lets the writer write what is buffered for up to {@code closeTimeout}
 * (retrying a store that is down), then counts what is left as {@link #lost}. The writer is a daemon thread: close
 * it before the JVM exits, or the buffered items go with it.
 */
public final class BackgroundWriter<T> implements AutoCloseable {
    /** Where the writer puts its batches. Called on the writer thread only. */
    public interface Sink<T> {
        /** Writes the batch, in order, or throws (then the same batch comes again). */
        void write(List<T> batch) throws Exception;

        /** Releases the store (a file handle); called once when the writer stops. */
        default void release() throws Exception {
        }
    }

    public static final int DEFAULT_CAPACITY = 100_000;
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BATCH = 500;
    private static final long POLL_MILLIS = 100;
    private static final long FIRST_RETRY_MILLIS = 50;
    private static final long MAX_RETRY_MILLIS = 2_000;
    private static final long STILL_FAILING_LOG_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long REFUSAL_LOG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger log = LoggerFactory.getLogger(BackgroundWriter.class);
    private final Sink<T> sink;
    private final Function<T, String> describe;
    private final String description;
    private final int capacity;
    private final Duration closeTimeout;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_NANOS);
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wake = wakeLock.newCondition();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private final Thread writer;
    private boolean wakeRequested;
    private boolean closeRequested;
    private volatile long closeDeadlineNanos;
    private volatile boolean closing;

    /**
     * @param threadName   the writer thread's name
     * @param description  what is written, for the log ("queue_log table")
     * @param capacity     how many items may wait (e.g. through an outage) before {@link #submit} refuses them
     * @param closeTimeout how long {@link #close} keeps trying to write what is buffered
     * @param sink         where batches go
     * @param describe     names an item in a log line (never its personal data)
     */
    public BackgroundWriter(String threadName, String description, int capacity, Duration closeTimeout, Sink<T> sink,
                            Function<T, String> describe) {
        if (capacity < 1) {
            throw new IllegalArgumentException(description + ": capacity must be at least 1: " + capacity);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.description = Objects.requireNonNull(description, "description");
        this.capacity = capacity;
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.writer = new Thread(this::writeLoop, threadName);
        this.writer.setDaemon(true);
    }

    /** Starts the writer; call once, when the sink is ready to be called. */
    public void start() {
        writer.start();
    }

    /**
     * Queues the item; never waits. False when it was refused: the buffer is full ({@link #overflowed}) or the writer
     * is closed ({@link #lost}).
     */
    public boolean submit(T item) {
        Objects.requireNonNull(item, "item");
        if (closing) {
            lost.incrementAndGet();
            logRefusal("closed", item);
            return false;
        }
        int now;
        do {
            now = pending.get();
            if (now >= capacity) {
                overflowed.incrementAndGet();
                logRefusal("full (" + capacity + " waiting)", item);
                return false;
            }
        } while (!pending.compareAndSet(now, now + 1));
        queue.add(item);
        return true;
    }

    /** Items appended and not yet written: queued, or in the batch being written. */
    public int pending() {
        return pending.get();
    }

    /** Items the store has taken (for PostgreSQL including replays it skipped and values it refused). */
    public long written() {
        return written.get();
    }

    /** Items refused by {@link #append} because {@code capacity} items were waiting already. */
    public long overflowed() {
        return overflowed.get();
    }

    /** Failed attempts to write a batch (each retry of the same batch counts again). */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** Items appended after {@link #close}, or still unwritten when the close timeout ran out. */
    public long lost() {
        return lost.get();
    }

    /** Asks the writer to retry now rather than at the end of its back-off. */
    public void wake() {
        wakeLock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    @Override
    public void close() {
        synchronized (closeLock) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
        }
        closeDeadlineNanos = System.nanoTime() + closeTimeout.toNanos();
        closing = true;
        wake();
        boolean stopped;
        try {
            stopped = finished.await(closeTimeout.toMillis() + POLL_MILLIS * 10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        int left = pending.get();
        if (left > 0) {
            lost.addAndGet(left);
            log.error("{}: closed with {} items unwritten after {} ms{}; they are lost", description, left,
                closeTimeout.toMillis(), stopped ? "" : " (the writer is still busy in the store)");
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private void writeLoop() {
        List<T> batch = new ArrayList<>(MAX_BATCH);
        long retryMillis = FIRST_RETRY_MILLIS;
        long failingSince = 0;
        long lastFailureLog = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                try {
                    sink.write(batch);
                } catch (Exception | AssertionError e) {
                    // An AssertionError too: the PostgreSQL driver asserts on a connection cut mid-batch (with -ea), and a
                    // writer thread that died would keep what it holds from ever being written.
                    long attempts = writeFailures.incrementAndGet();
                    long now = System.nanoTime();
                    if (failingSince == 0) {
                        failingSince = now;
                        lastFailureLog = now;
                        log.warn("{}: write failed; keeping {} items to retry", description, pending.get(), e);
                    } else if (now - lastFailureLog >= STILL_FAILING_LOG_NANOS) {
                        lastFailureLog = now;
                        log.warn("{}: still failing after {} s ({} attempts, {} items waiting, {} refused as"
                            + " overflow): {}", description, TimeUnit.NANOSECONDS.toSeconds(now - failingSince),
                            attempts, pending.get(), overflowed.get(), e.toString());
                    }
                    if (closing && now - closeDeadlineNanos >= 0) {
                        return;
                    }
                    awaitRetry(retryMillis);
                    retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
                    continue;
                }
                written.addAndGet(batch.size());
                pending.addAndGet(-batch.size());
                batch.clear();
                retryMillis = FIRST_RETRY_MILLIS;
                if (failingSince != 0) {
                    log.info("{}: writing again after {} s of failures", description,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince));
                    failingSince = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sink.release();
            } catch (Exception e) {
                log.warn("{}: failed to release", description, e);
            }
            finished.countDown();
        }
    }

    private void awaitRetry(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        if (closing) {
            // still retry while closing, but never wait past the close deadline
            nanos = Math.min(nanos, Math.max(0, closeDeadlineNanos - System.nanoTime()));
        }
        wakeLock.lock();
        try {
            if (!wakeRequested && nanos > 0) {
                wake.awaitNanos(nanos);
            }
            wakeRequested = false;
        } finally {
            wakeLock.unlock();
        }
    }

    /** Logs a refused append at most once a second: it runs on the ACD's thread, and may run very often. */
    private void logRefusal(String why, T item) {
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last >= REFUSAL_LOG_NANOS && lastRefusalLog.compareAndSet(last, now)) {
            log.warn("{}: {}; refused {}; {} refused as overflow, {} lost so far", description, why,
                describe.apply(item), overflowed.get(), lost.get());
        }
    }
}

package org.opencti.core.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns a piece of mutable state (single-writer principle). Others hand it work with
 * {@link #execute}; the owner's methods call {@link #assertOwner()} so a stray caller fails loudly in tests.
 */
public final class StateOwner implements SingleWriter, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public StateOwner(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public boolean isOwner() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void assertOwner() {
        if (!isOwner()) {
            throw new IllegalStateException("must run on " + (thread == null ? "its owner thread" : thread.getName())
                + ", not on " + Thread.currentThread().getName());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

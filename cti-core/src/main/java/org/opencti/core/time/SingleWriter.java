package org.opencti.core.time;

import java.util.concurrent.Executor;

/**
 * The executor that owns a piece of mutable state. In the server it is one dedicated thread
 * ({@link StateOwner}); in tests and simulations it runs work inline ({@link #inline()}).
 */
public interface SingleWriter extends Executor {
    boolean isOwner();

    default void assertOwner() {
        if (!isOwner()) {
            throw new IllegalStateException("state touched from " + Thread.currentThread().getName()
                + ", outside its owner");
        }
    }

    /** Runs work on the calling thread at once: for single-threaded tests and simulations. */
    static SingleWriter inline() {
        Thread creator = Thread.currentThread();
        return new SingleWriter() {
            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public boolean isOwner() {
                return Thread.currentThread() == creator;
            }
        };
    }
}

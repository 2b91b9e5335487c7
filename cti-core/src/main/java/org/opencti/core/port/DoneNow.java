package org.opencti.core.port;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The asynchronous twin of a blocking store call, for a store that has no better one (the in-memory stores): the call is
 * made now, on the caller's thread, and its answer, or its failure as it was thrown, is the completed stage.
 */
public final class DoneNow {
    private DoneNow() {
    }

    public static <T> CompletionStage<T> get(Supplier<T> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public static CompletionStage<Void> run(Runnable call) {
        return get(() -> {
            call.run();
            return null;
        });
    }
}

package org.opencti.acd;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs work on an executor (the ACD's owner, its worker) and hands back its result or its failure. */
final class Hop {
    private Hop() {
    }

    static <T> CompletionStage<T> on(Executor executor, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Continues on {@code executor} after {@code stage}, with its result; a failure passes through untouched. */
    static <T, R> CompletionStage<R> then(CompletionStage<T> stage, Executor executor, Function<T, R> next) {
        return stage.thenCompose(value -> on(executor, () -> next.apply(value)));
    }
}

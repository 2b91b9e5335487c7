package org.opencti.ivr.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.opencti.ivr.agi.AgiChannel;
import org.opencti.ivr.agi.AgiException;
import org.opencti.ivr.agi.AgiRequest;
import org.opencti.ivr.agi.AgiScript;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.MenuTreeRegistry;
import org.opencti.ivr.tree.MenuTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI script for menu trees ({@code AGI(agi://cti:4573/ivr?menu=main)}): answers, then runs the tree named by the
 * {@code menu} parameter ({@value #DEFAULT_MENU} when absent) from the registry's current set, and records the outcome
 * in the containment statistics. A tree that does not exist sends the caller to {@code defaultQueue} (intent
 * {@value #UNKNOWN_INTENT}, path {@code <menu>>unknown-tree}), so every caller reaches a person.
 */
public final class MenuTreeScript implements AgiScript {

    public static final String MENU_PARAMETER = "menu";
    public static final String DEFAULT_MENU = "main";
    public static final String UNKNOWN_INTENT = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(MenuTreeScript.class);

    private final MenuTreeRegistry registry;
    private final MenuRunner runner;
    private final ContainmentStats stats;
    private final String defaultQueue;

    /** A finished run, with channel variables read before it started (e.g. the call and agent a survey is about). */
    public record FinishedRun(String menu, Map<String, String> context, RunOutcome outcome) {
    }

    private List<String> contextVariables = List.of();
    private Consumer<FinishedRun> listener = run -> { };

    /** Read these channel variables before each run and pass them, with the outcome, to {@code listener}. */
    public MenuTreeScript onFinished(List<String> variables, Consumer<FinishedRun> listener) {
        this.contextVariables = List.copyOf(variables);
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public MenuTreeScript(MenuTreeRegistry registry, MenuRunner runner, ContainmentStats stats, String defaultQueue) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.stats = Objects.requireNonNull(stats, "stats");
        if (defaultQueue == null || defaultQueue.isBlank()) {
            throw new IllegalArgumentException("defaultQueue must not be blank");
        }
        this.defaultQueue = defaultQueue;
    }

    @Override
    public CompletionStage<Void> run(AgiRequest request, AgiChannel channel) {
        String menu = request.parameter(MENU_PARAMETER, DEFAULT_MENU);
        MenuTrees trees = registry.current();
        Optional<MenuTree> tree = trees.tree(menu);
        AgiCallerIo io = new AgiCallerIo(channel);
        if (tree.isEmpty()) {
            LOG.warn("menu tree {} on {}: no such tree, sending the caller to queue {}", menu, request.channel(), defaultQueue);
            return quietly(channel.answer()
                    .thenCompose(r -> io.setVariable(MenuRunner.QUEUE, defaultQueue))
                    .thenCompose(v -> io.setVariable(MenuRunner.INTENT, UNKNOWN_INTENT))
                    .thenCompose(v -> io.setVariable(MenuRunner.PATH, menu + ">unknown-tree"))
                    .thenCompose(v -> io.transfer(runner.settings().holdContext())));
        }
        Map<String, String> context = new ConcurrentHashMap<>();
        CompletionStage<Void> reading = CompletableFuture.completedFuture(null);
        for (String name : contextVariables) {
            reading = reading.thenCompose(v -> channel.getVariable(name)).thenAccept(value -> value.ifPresent(x -> context.put(name, x)));
        }
        CompletionStage<Void> read = reading;
        return quietly(channel.answer()
                .thenCompose(r -> read)
                .thenCompose(r -> runner.run(trees, tree.get(), request.callerId(), io))
                .thenAccept(outcome -> {
                    stats.record(outcome);
                    listener.accept(new FinishedRun(menu, Map.copyOf(context), outcome));
                    LOG.debug("menu tree {} on {}: {} at {}", menu, request.channel(), outcome.end(), outcome.lastNode());
                }));
    }

    /** A caller who hangs up (even before the tree starts) is no failure of the script. */
    private static CompletionStage<Void> quietly(CompletionStage<Void> stage) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete((v, failure) -> {
            if (failure == null || AgiException.isCallerGone(failure)) {
                done.complete(null);
            } else {
                done.completeExceptionally(AgiException.unwrap(failure));
            }
        });
        return done;
    }
}

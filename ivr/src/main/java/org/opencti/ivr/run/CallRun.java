package org.opencti.ivr.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.agi.AgiException;
import org.opencti.ivr.run.RunOutcome.End;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.MenuTrees;
import org.opencti.ivr.tree.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through a menu tree. Steps run one after another (a loop, so a long run of answers that complete at once
 * cannot overflow the stack); at most one stage is outstanding, so the state needs no locking.
 *
 * <p>Call data ({@link #vars}) holds what the caller entered, the customer data found, and what {@code setData} set
 * ({@code intent}, {@code priority}, {@code language}, {@code skills} become {@code CTI_INTENT}, {@code CTI_PRIORITY},
 * {@code CTI_LANGUAGE}, {@code CTI_SKILLS}); branches read it, and leaving for a person writes it all as channel
 * variables. A PIN is never kept. The account key of an account data dip is the account of the last successful account
 * check, else the digits last collected, else the {@code ACCOUNT} of the caller's customer data; an order data dip looks
 * up the digits last collected within the checked account, else the caller's.
 */
final class CallRun {

    private static final Logger LOG = LoggerFactory.getLogger(CallRun.class);

    /** Go to {@code target} next, or the run ended with {@code end}. */
    record Step(String target, End end) {
        static Step go(String target) {
            return new Step(target, null);
        }
    }

    private record Frame(MenuTree tree, String next) {
    }

    private final MenuRunner runner;
    private final MenuRunner.Settings settings;
    private final MenuTrees trees;
    private final MenuTree root;
    private final CallerIo io;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final List<String> path = new ArrayList<>();
    private final CompletableFuture<RunOutcome> done = new CompletableFuture<>();
    private MenuTree tree;
    private String language;
    private Optional<Map<String, String>> callerData = Optional.empty();
    private String account;
    private String lastDigits;
    private String callbackQueue;
    private String lastNode = "";
    private int steps;
    private boolean failing;

    CallRun(MenuRunner runner, MenuTrees trees, MenuTree root, CallerIo io) {
        this.runner = runner;
        this.settings = runner.settings();
        this.trees = trees;
        this.root = root;
        this.tree = root;
        this.io = io;
        this.language = root.defaultLanguage();
    }

    CompletionStage<RunOutcome> start(String callerNumber) {
        boolean known = callerNumber != null && !callerNumber.isBlank() && !"unknown".equalsIgnoreCase(callerNumber);
        if (known) {
            vars.put(MenuRunner.CALLER, callerNumber);
        }
        CompletionStage<Optional<Map<String, String>>> lookup = known ? runner.lookupByCaller(callerNumber)
                : CompletableFuture.completedFuture(Optional.empty());
        lookup.whenComplete((data, failure) -> {
            callerData = data == null ? Optional.empty() : data;
            callerData.ifPresent(this::remember);
            drive(Step.go(root.start()));
        });
        return done;
    }

    private void drive(Step first) {
        Step step = first;
        while (step.end() == null) {
            CompletableFuture<Step> next;
            try {
                next = enter(step.target()).toCompletableFuture();
            } catch (RuntimeException e) {
                next = CompletableFuture.failedFuture(e);
            }
            if (!next.isDone() || next.isCompletedExceptionally()) {
                next.whenComplete(this::resume);
                return;
            }
            step = next.join();
        }
        finish(step.end());
    }

    private void resume(Step step, Throwable failure) {
        if (failure == null) {
            drive(step);
        } else {
            fail(failure);
        }
    }

    private void fail(Throwable failure) {
        if (AgiException.isCallerGone(failure)) {
            finish(End.HUNG_UP);
        } else if (failing) {
            done.completeExceptionally(AgiException.unwrap(failure));
        } else {
            failing = true;
            LOG.warn("menu tree {} at {}: failed, sending the caller to queue {}: {}", root.name(), lastNode, tree.personExit(),
                    AgiException.unwrap(failure).toString());
            personExit().whenComplete(this::resume);
        }
    }

    private void finish(End end) {
        // What the caller entered travels with the outcome (e.g. survey scores); never the PIN, which is not kept.
        done.complete(new RunOutcome(path, end, lastNode, vars));
    }

    private CompletionStage<Step> enter(String target) {
        if (Node.RETURN.equals(target)) {
            Frame frame = stack.poll();
            if (frame == null) {
                return personExit();
            }
            tree = frame.tree();
            return CompletableFuture.completedFuture(Step.go(frame.next()));
        }
        Node node = tree.node(target);
        if (node == null || ++steps > settings.maxSteps()) {
            LOG.warn("menu tree {}: {} at {}, sending the caller to a person", root.name(),
                    node == null ? "no node " + target : "more than " + settings.maxSteps() + " steps", lastNode);
            return personExit();
        }
        lastNode = tree == root ? node.id() : tree.name() + "/" + node.id();
        path.add(lastNode);
        return NodeSteps.run(this, node);
    }

    // ---- helpers for NodeSteps ----

    CallerIo io() {
        return io;
    }

    MenuRunner runner() {
        return runner;
    }

    MenuRunner.Settings settings() {
        return settings;
    }

    Map<String, String> vars() {
        return vars;
    }

    Optional<Map<String, String>> callerData() {
        return callerData;
    }

    String account() {
        if (account != null) {
            return account;
        }
        return lastDigits != null ? lastDigits : callerAccount();
    }

    /** The account the caller proved (PIN), else the one their number belongs to; null for an unknown caller. */
    String identifiedAccount() {
        return account != null ? account : callerAccount();
    }

    String lastDigits() {
        return lastDigits;
    }

    private String callerAccount() {
        return callerData.map(d -> d.get("ACCOUNT")).orElse(null);
    }

    /** A PIN-checked account. */
    void account(String value) {
        account = value;
    }

    void lastDigits(String value) {
        lastDigits = value;
    }

    void callbackQueue(String queue) {
        callbackQueue = queue;
    }

    String callbackQueue() {
        return callbackQueue;
    }

    /** Customer data into the call data; a {@code CTI_LANGUAGE} the tree speaks becomes the caller's language. */
    void remember(Map<String, String> data) {
        vars.putAll(data);
        String spoken = data.get(MenuRunner.LANGUAGE);
        if (spoken != null && root.languages().contains(spoken)) {
            language = spoken;
        }
    }

    void language(String value) {
        language = value;
        vars.put(MenuRunner.LANGUAGE, value);
    }

    /** The prompt in the caller's language, else the tree's default language, else any. */
    String prompt(Map<String, String> prompts) {
        String file = prompts.get(language);
        if (file == null) {
            file = prompts.get(tree.defaultLanguage());
        }
        return file != null ? file : prompts.values().stream().findFirst().orElse(null);
    }

    /** A fixed prompt such as {@code invalid} in the caller's language ({@code es/invalid}). */
    String localized(String name) {
        String spoken = tree.languages().contains(language) ? language : tree.defaultLanguage();
        return spoken + "/" + name;
    }

    void enterSubTree(MenuTree sub, String next) {
        stack.push(new Frame(tree, next));
        tree = sub;
    }

    MenuTrees trees() {
        return trees;
    }

    /** To the current tree's person-exit queue. */
    CompletionStage<Step> personExit() {
        return transfer(tree.personExit());
    }

    /** CTI_QUEUE, CTI_IVR_PATH and the call data as channel variables, then to the hold context. */
    CompletionStage<Step> transfer(String queue) {
        return writeData(MenuRunner.QUEUE, queue).thenCompose(v -> io.transfer(settings.holdContext()))
                .thenApply(v -> new Step(null, End.PERSON));
    }

    /** The call data as channel variables, then to {@code context,exten,1}. */
    CompletionStage<Step> redirect(String variable, String value, String context, String exten) {
        return writeData(variable, value).thenCompose(v -> io.redirect(context, exten))
                .thenApply(v -> new Step(null, End.PERSON));
    }

    private CompletionStage<Void> writeData(String variable, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(variable, value);
        out.put(MenuRunner.PATH, root.name() + ">" + String.join(">", path));
        vars.forEach(out::putIfAbsent);
        out.put(MenuRunner.DATA, String.join(",", out.keySet()));
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, String> e : out.entrySet()) {
            chain = chain.thenCompose(v -> io.setVariable(e.getKey(), e.getValue()));
        }
        return chain;
    }
}

package org.opencti.ivr.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.agi.CallerHungUp;
import org.opencti.ivr.tree.Node.ValueKind;

/**
 * A caller played from a script, for tests: each {@link #collect} takes the next answer (keys, {@link #TIMEOUT} or
 * {@link #HANG_UP}); when the answers run out the caller hangs up (so a test cannot loop). {@link #hangUpAtStep} makes
 * operation N (1-based, any kind) fail as a hang-up. Records every operation in {@link #log()} and the channel
 * variables set in {@link #variables()}. Everything completes at once.
 */
final class ScriptedCaller implements CallerIo {

    static final String TIMEOUT = "";
    static final String HANG_UP = "<hang up>";

    private final Deque<String> answers;
    private final List<String> log = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private int hangUpAt = Integer.MAX_VALUE;
    private int steps;
    private boolean hungUp;

    private ScriptedCaller(List<String> answers) {
        this.answers = new ArrayDeque<>(answers);
    }

    /** Answers the collects in order with these keys ({@link #TIMEOUT}: nothing entered; {@link #HANG_UP}). */
    static ScriptedCaller pressing(String... answers) {
        return new ScriptedCaller(Arrays.asList(answers));
    }

    ScriptedCaller hangUpAtStep(int step) {
        hangUpAt = step;
        return this;
    }

    List<String> log() {
        return List.copyOf(log);
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Answers not used by the run. */
    List<String> unused() {
        return List.copyOf(answers);
    }

    private <T> CompletionStage<T> step(String entry, T result) {
        if (hungUp || ++steps >= hangUpAt) {
            hungUp = true;
            return CompletableFuture.failedFuture(new CallerHungUp(entry));
        }
        log.add(entry);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletionStage<Optional<String>> play(List<String> files, String escapeDigits) {
        return step("play " + String.join(",", files), Optional.empty());
    }

    @Override
    public CompletionStage<Input> collect(String prompt, int maxDigits, int timeoutMs, String terminator) {
        String answer = answers.poll();
        if (answer == null || HANG_UP.equals(answer)) {
            hungUp = true;
            return CompletableFuture.failedFuture(new CallerHungUp("collect " + prompt));
        }
        return step("collect " + prompt, TIMEOUT.equals(answer) ? Input.timeout() : Input.of(answer));
    }

    @Override
    public CompletionStage<Void> say(String value, ValueKind kind) {
        return step("say " + value + " " + kind, null);
    }

    @Override
    public CompletionStage<Void> setVariable(String name, String value) {
        CompletionStage<Void> done = step("set " + name + "=" + value, null);
        if (!hungUp) {
            variables.put(name, value);
        }
        return done;
    }

    @Override
    public CompletionStage<Void> transfer(String holdContext) {
        return step("transfer " + holdContext, null);
    }

    @Override
    public CompletionStage<Void> redirect(String context, String exten) {
        return step("redirect " + context + "," + exten, null);
    }

    @Override
    public CompletionStage<Void> hangup() {
        return step("hangup", null);
    }
}

package org.opencti.ivr.run;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.MenuTrees;

/**
 * Runs menu trees, one call at a time per {@link #run} (any number of calls at once): the interpreter, separate from the
 * I/O ({@link CallerIo}) and from the outside services ({@link CustomerLookup}, {@link PinVerifier}, {@link OpenHours}),
 * each of which gets {@link Settings#portDeadline()} to answer. It never holds a thread while waiting.
 *
 * <p>Every failure path ends at a person: exhausted retries, invalid input, {@code return} at the top level, a missing
 * node, a run longer than {@link Settings#maxSteps()} and an unexpected failure all transfer the caller to the tree's
 * {@link MenuTree#personExit()} queue. A caller who hangs up ends the run quietly ({@link RunOutcome.End#HUNG_UP}).
 * See {@link CallRun} for what each node does.
 */
public final class MenuRunner {

    /** Channel variables the interpreter sets. */
    public static final String QUEUE = "CTI_QUEUE";
    public static final String PATH = "CTI_IVR_PATH";
    /** The names of the variables the IVR set for the call, comma-separated: what the agent's screen pop shows. */
    public static final String DATA = "CTI_IVR_DATA";
    public static final String INTENT = "CTI_INTENT";
    public static final String PRIORITY = "CTI_PRIORITY";
    public static final String LANGUAGE = "CTI_LANGUAGE";
    public static final String SKILLS = "CTI_SKILLS";
    public static final String MAILBOX = "CTI_MAILBOX";
    public static final String CALLBACK = "CTI_CALLBACK";
    public static final String CALLER = "CTI_CALLER";

    /**
     * @param holdContext      where callers wait for an agent ({@code cti-hold})
     * @param callbackContext  the dialplan context that registers a callback for the queue named by the extension
     * @param voicemailContext the dialplan context that records a message for the mailbox named by the extension
     * @param invalidPrompt    played (as {@code <language>/<invalidPrompt>}) after input that is not accepted
     * @param pinPrompt        asks for the PIN (as {@code <language>/<pinPrompt>}) after the account number
     * @param portDeadline     how long a lookup, PIN check or calendar may take
     * @param maxSteps         nodes one call may enter before it is sent to a person (a caller circling a menu)
     */
    public record Settings(String holdContext, String callbackContext, String voicemailContext, String invalidPrompt,
            String pinPrompt, Duration portDeadline, int maxSteps) {

        public Settings {
            for (String text : new String[] {holdContext, callbackContext, voicemailContext, invalidPrompt, pinPrompt}) {
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException("contexts and prompts must not be blank");
                }
            }
            if (portDeadline == null || portDeadline.isNegative() || portDeadline.isZero()) {
                throw new IllegalArgumentException("portDeadline must be positive: " + portDeadline);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
            }
        }

        /** cti-hold, cti-callback, cti-voicemail, "invalid", "enter-pin", 2 s, 200 steps. */
        public static Settings standard() {
            return new Settings("cti-hold", "cti-callback", "cti-voicemail", "invalid", "enter-pin", Duration.ofSeconds(2), 200);
        }

        public Settings withPortDeadline(Duration deadline) {
            return new Settings(holdContext, callbackContext, voicemailContext, invalidPrompt, pinPrompt, deadline, maxSteps);
        }
    }

    private final Settings settings;
    private final CustomerLookup customers;
    private final PinVerifier pins;
    private final OpenHours hours;

    public MenuRunner(Settings settings, CustomerLookup customers, PinVerifier pins, OpenHours hours) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Runs {@code tree} (sub-menus resolve in {@code trees}) for one call. The caller's number is looked up before the first
     * prompt ({@code null}, blank or {@code unknown}: no lookup). The stage completes when the caller has left the tree; it
     * completes exceptionally only when even the person exit could not be carried out (and the caller is not gone).
     */
    public CompletionStage<RunOutcome> run(MenuTrees trees, MenuTree tree, String callerNumber, CallerIo io) {
        Objects.requireNonNull(trees, "trees");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(io, "io");
        return new CallRun(this, trees, tree, io).start(callerNumber);
    }

    CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number) {
        return deadline(() -> customers.lookupByCaller(number)).thenApply(o -> o.flatMap(x -> x));
    }

    CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account) {
        return deadline(() -> customers.lookupByAccount(account)).thenApply(o -> o.flatMap(x -> x));
    }

    CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber) {
        return deadline(() -> customers.lookupOrder(account, orderNumber)).thenApply(o -> o.flatMap(x -> x));
    }

    CompletionStage<Optional<Boolean>> verify(String account, String pin) {
        return deadline(() -> pins.verify(account, pin));
    }

    CompletionStage<Optional<Boolean>> isOpen(String calendar) {
        return deadline(() -> hours.isOpen(calendar));
    }

    /** The port's answer, or empty when it fails, answers null or is later than the deadline. Never fails. */
    private <T> CompletionStage<Optional<T>> deadline(Supplier<CompletionStage<T>> call) {
        CompletableFuture<T> answer;
        try {
            answer = call.get().toCompletableFuture().copy();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return answer.orTimeout(settings.portDeadline().toNanos(), TimeUnit.NANOSECONDS)
                .handle((value, failure) -> failure == null ? Optional.ofNullable(value) : Optional.empty());
    }
}

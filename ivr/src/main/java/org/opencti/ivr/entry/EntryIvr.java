package org.opencti.ivr.entry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.agi.AgiChannel;
import org.opencti.ivr.agi.AgiException;
import org.opencti.ivr.agi.AgiRequest;
import org.opencti.ivr.agi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry menu every inbound caller hears ({@code AGI(agi://cti:4573/ivr?menu=main)}): answer, greeting,
 * one-digit menu. A valid digit sets {@code CTI_QUEUE}, {@code CTI_INTENT}, {@code CTI_IVR_PATH} and sends the
 * caller to the hold context ({@code s}, priority 1). A wrong digit plays {@value #INVALID_PROMPT} and asks
 * again; no input asks again; after {@code maxAttempts} the caller goes to the default queue with intent
 * {@value #UNKNOWN_INTENT}, so every caller reaches a person. If the menu itself fails for any other reason
 * than the caller leaving, the caller is still sent to the default queue ({@code <menu>>error}). A caller who
 * hangs up ends the script quietly.
 *
 * <p>Meter {@code cti.ivr.entry.calls}, tag {@code outcome}: {@code selected}, {@code defaulted}, {@code hungup},
 * {@code error}.
 */
public final class EntryIvr implements AgiScript {
    /** Played after a digit that is not in the menu. */
    public static final String INVALID_PROMPT = "invalid";
    public static final String UNKNOWN_INTENT = "unknown";
    public static final String QUEUE_VARIABLE = "CTI_QUEUE";
    public static final String INTENT_VARIABLE = "CTI_INTENT";
    public static final String PATH_VARIABLE = "CTI_IVR_PATH";
    /** The request parameter naming the menu ({@code ?menu=main}); it starts {@code CTI_IVR_PATH}. */
    public static final String MENU_PARAMETER = "menu";
    static final String DEFAULT_MENU = "main";
    private static final Logger LOG = LoggerFactory.getLogger(EntryIvr.class);

    /** Where a menu digit leads. */
    public record Option(String queue, String intent) {
        public Option {
            requireText(queue, "queue");
            requireText(intent, "intent");
        }
    }

    /**
     * @param greetingPrompt sound file played once after answering
     * @param menuPrompt     sound file played by GET DATA for each attempt
     * @param options        digit ({@code 0-9}, {@code *}, {@code #}) to option
     * @param maxAttempts    attempts before the default queue (e.g. 3)
     * @param digitTimeoutMs GET DATA timeout (e.g. 5000)
     * @param defaultQueue   queue for callers who chose nothing valid
     * @param holdContext    dialplan context callers wait in (e.g. {@code cti-hold})
     */
    public record Settings(String greetingPrompt, String menuPrompt, Map<String, Option> options, int maxAttempts,
                           int digitTimeoutMs, String defaultQueue, String holdContext) {
        public Settings {
            requireText(greetingPrompt, "greetingPrompt");
            requireText(menuPrompt, "menuPrompt");
            requireText(defaultQueue, "defaultQueue");
            requireText(holdContext, "holdContext");
            Objects.requireNonNull(options, "options");
            options.forEach((digit, option) -> {
                if (digit == null || !digit.matches("[0-9*#]")) {
                    throw new IllegalArgumentException("menu key must be one digit, * or #: " + digit);
                }
                Objects.requireNonNull(option, "option for " + digit);
            });
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            if (digitTimeoutMs < 1) {
                throw new IllegalArgumentException("digitTimeoutMs must be positive: " + digitTimeoutMs);
            }
        }

        /** 1 billing, 2 support, 3 Spanish support; 3 attempts, 5 s per attempt, default support, hold in cti-hold. */
        public static Settings standard() {
            Map<String, Option> options = new LinkedHashMap<>();
            options.put("1", new Option("billing", "billing"));
            options.put("2", new Option("support", "support"));
            options.put("3", new Option("spanish-support", "support-es"));
            return new Settings("cti-welcome", "cti-main-menu", options, 3, 5000, "support", "cti-hold");
        }
    }

    /** Where the menu sends the caller. */
    private record Decision(String queue, String intent, String path, String outcome) {
    }

    private final Settings settings;
    private final MeterRegistry registry;

    /** Counts on {@link Metrics#globalRegistry}. */
    public EntryIvr(Settings settings) {
        this(settings, Metrics.globalRegistry);
    }

    public EntryIvr(Settings settings, MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public CompletionStage<Void> run(AgiRequest request, AgiChannel channel) {
        String menu = request.parameter(MENU_PARAMETER, DEFAULT_MENU);
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.answer()
                .thenCompose(r -> channel.streamFile(settings.greetingPrompt(), ""))
                .thenCompose(r -> attempt(channel, menu, 1))
                .whenComplete((decision, failure) -> {
                    if (failure == null) {
                        route(request, channel, decision, done);
                    } else if (AgiException.isCallerGone(failure)) {
                        hungUp(request, done);
                    } else {
                        LOG.warn("entry IVR on {}: the menu failed, sending the caller to queue {}: {}", request.channel(),
                                settings.defaultQueue(), AgiException.unwrap(failure).toString());
                        route(request, channel, new Decision(settings.defaultQueue(), UNKNOWN_INTENT, menu + ">error", "error"),
                                done);
                    }
                });
        return done;
    }

    private CompletionStage<Decision> attempt(AgiChannel channel, String menu, int attempt) {
        return channel.getData(settings.menuPrompt(), settings.digitTimeoutMs(), 1).thenCompose(reply -> {
            String digit = reply.digits();
            Option option = settings.options().get(digit);
            if (option != null) {
                return CompletableFuture.completedFuture(
                        new Decision(option.queue(), option.intent(), menu + ">" + digit, "selected"));
            }
            if (attempt >= settings.maxAttempts()) {
                return CompletableFuture.completedFuture(
                        new Decision(settings.defaultQueue(), UNKNOWN_INTENT, menu + ">default", "defaulted"));
            }
            if (digit.isEmpty()) {
                return attempt(channel, menu, attempt + 1);
            }
            return channel.streamFile(INVALID_PROMPT, "").thenCompose(r -> attempt(channel, menu, attempt + 1));
        });
    }

    private void route(AgiRequest request, AgiChannel channel, Decision decision, CompletableFuture<Void> done) {
        channel.setVariable(QUEUE_VARIABLE, decision.queue())
                .thenCompose(r -> channel.setVariable(INTENT_VARIABLE, decision.intent()))
                .thenCompose(r -> channel.setVariable(PATH_VARIABLE, decision.path()))
                .thenCompose(r -> channel.setContext(settings.holdContext()))
                .thenCompose(r -> channel.setExtension("s"))
                .thenCompose(r -> channel.setPriority(1))
                .whenComplete((r, failure) -> {
                    if (failure == null) {
                        LOG.debug("entry IVR on {}: {} -> queue {}", request.channel(), decision.path(), decision.queue());
                        count(decision.outcome());
                        done.complete(null);
                    } else if (AgiException.isCallerGone(failure)) {
                        hungUp(request, done);
                    } else {
                        done.completeExceptionally(AgiException.unwrap(failure));
                    }
                });
    }

    private void hungUp(AgiRequest request, CompletableFuture<Void> done) {
        LOG.debug("entry IVR on {}: the caller hung up", request.channel());
        count("hungup");
        done.complete(null);
    }

    private void count(String outcome) {
        Counter.builder("cti.ivr.entry.calls").description("entry IVR calls by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

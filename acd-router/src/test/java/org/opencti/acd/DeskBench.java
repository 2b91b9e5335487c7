package org.opencti.acd;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.opencti.core.adapter.memory.InMemoryScheduledCallbackStore;
import org.opencti.core.adapter.memory.InMemoryDeskDefaults;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.time.ManualScheduler;

/** The ACD with the agent desk: desk extensions 2100-2199 (PJSIP), billing, agents 2001 (blue) and 2002 (green). */
final class DeskBench {
    static final String BILLING = "billing";
    static final Duration GRACE = Duration.ofMinutes(2);
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final ScheduledCallbackStore callbacks;
    final InMemoryDeskDefaults defaults;
    final Set<String> doNotCall = new HashSet<>();
    final AcdBench bench;

    DeskBench(boolean manualDialing) {
        this(manualDialing, new InMemoryScheduledCallbackStore(), new InMemoryDeskDefaults(), new ManualScheduler(AcdBench.START));
    }

    /** Another node (a restart) over the same stores and clock. */
    DeskBench(boolean manualDialing, ScheduledCallbackStore callbacks, InMemoryDeskDefaults defaults, ManualScheduler time) {
        this.callbacks = callbacks;
        this.defaults = defaults;
        QueueSetup billing = QueueSetup.simple(BILLING, List.of(new SkillRequirement("billing", 1)), Duration.ofSeconds(10),
            Duration.ofSeconds(15));
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5)),
            new AgentProfile("2002", "Bob", "green", "Local/2002@agents", Map.of("billing", 5)));
        DeskSettings desk = new DeskSettings(ExtensionPlan.byPattern("21[0-9]{2}", "PJSIP/{extension}"), manualDialing, GRACE, LONDON);
        DialGuard guard = e164 -> doNotCall.contains(e164) ? Optional.of("it is on the internal do-not-call list") : Optional.empty();
        bench = new AcdBench(List.of(billing), agents, CallSkillPolicy.NONE, desk, new DeskPorts(callbacks, defaults, guard), time);
    }

    AgentDesk desk() {
        return bench.acd.desk();
    }

    static <T> T done(CompletionStage<T> stage) {
        return AcdBench.done(stage);
    }

    /** The refusal {@code stage} failed with. */
    static DeskRefusal refusal(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DeskRefusal r) {
                return r;
            }
            throw e;
        }
        throw new AssertionError("expected a refusal");
    }
}

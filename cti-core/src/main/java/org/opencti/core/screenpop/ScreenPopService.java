package org.opencti.core.screenpop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks the caller up for the pop. The lookup runs on a worker (JDBC blocks) and has a deadline: a slow
 * database degrades the pop to the number alone instead of delaying the call.
 */
public final class ScreenPopService {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPopService.class);
    private static final int RECENT_INTERACTIONS = 5;

    private final CustomerDirectory directory;
    private final PhoneNumbers numbers;
    private final Executor worker;
    private final Duration deadline;
    private final MeterRegistry registry;

    public ScreenPopService(CustomerDirectory directory, PhoneNumbers numbers, Executor worker, Duration deadline) {
        this(directory, numbers, worker, deadline, new SimpleMeterRegistry());
    }

    /** Lookup times go to {@code cti.screenpop.lookup}, tagged with the outcome, as a histogram. */
    public ScreenPopService(CustomerDirectory directory, PhoneNumbers numbers, Executor worker, Duration deadline,
                            MeterRegistry registry) {
        this.directory = directory;
        this.numbers = numbers;
        this.worker = worker;
        this.deadline = deadline;
        this.registry = registry;
    }

    private ScreenPop measured(ScreenPop pop, long nanos) {
        Timer.builder("cti.screenpop.lookup").description("Screen-pop customer lookups, by outcome")
            .tag("outcome", pop.outcome().name()).publishPercentileHistogram().register(registry)
            .record(nanos, TimeUnit.NANOSECONDS);
        return pop;
    }

    /** Always completes, within the deadline, never exceptionally. */
    public CompletionStage<ScreenPop> lookup(String callerNumber) {
        Optional<String> e164 = numbers.toE164(callerNumber);
        if (e164.isEmpty()) {
            return CompletableFuture.completedFuture(measured(new ScreenPop(callerNumber, null, ScreenPop.Outcome.NO_NUMBER, null, 0), 0));
        }
        long started = System.nanoTime();
        String number = e164.get();
        return CompletableFuture
            .supplyAsync(() -> directory.findByPhone(number, RECENT_INTERACTIONS), worker)
            .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
            .handle((found, failure) -> {
                long nanos = System.nanoTime() - started;
                long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
                if (failure != null) {
                    LOG.warn("screen pop lookup degraded after {} ms: {}", millis, failure.toString());
                    return measured(new ScreenPop(callerNumber, number, ScreenPop.Outcome.DEGRADED, null, millis), nanos);
                }
                CustomerProfile profile = found.orElse(null);
                ScreenPop.Outcome outcome = profile == null ? ScreenPop.Outcome.UNKNOWN_CALLER : ScreenPop.Outcome.FOUND;
                return measured(new ScreenPop(callerNumber, number, outcome, profile, millis), nanos);
            });
    }
}

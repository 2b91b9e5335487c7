package org.opencti.ivr.agi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The FastAGI server's meters: sessions open now, sessions accepted, failures by reason, caller hangups. */
final class AgiMetrics {
    static final String ACTIVE = "cti.ivr.agi.sessions.active";
    static final String SESSIONS = "cti.ivr.agi.sessions";
    static final String FAILURES = "cti.ivr.agi.failures";
    static final String HANGUPS = "cti.ivr.agi.hangups";

    static final String MALFORMED_REQUEST = "malformed_request";
    static final String LINE_TOO_LONG = "line_too_long";
    static final String REQUEST_TIMEOUT = "request_timeout";
    static final String UNKNOWN_SCRIPT = "unknown_script";
    static final String SCRIPT_ERROR = "script_error";
    static final String PROTOCOL = "protocol";
    static final String IO = "io";

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter sessions;
    private final Counter hangups;

    AgiMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(ACTIVE, active, AtomicInteger::get).description("FastAGI sessions open now")
                .strongReference(true).register(registry);
        this.sessions = Counter.builder(SESSIONS).description("FastAGI sessions accepted").register(registry);
        this.hangups = Counter.builder(HANGUPS).description("callers who hung up during a FastAGI script")
                .register(registry);
        // Every reason from the start, at 0: a dashboard or an alert sees the series before the first failure.
        for (String reason : new String[] {MALFORMED_REQUEST, LINE_TOO_LONG, REQUEST_TIMEOUT, UNKNOWN_SCRIPT, SCRIPT_ERROR, PROTOCOL, IO}) {
            failures(reason);
        }
    }

    void opened() {
        active.incrementAndGet();
        sessions.increment();
    }

    void closed() {
        active.decrementAndGet();
    }

    int active() {
        return active.get();
    }

    void hangup() {
        hangups.increment();
    }

    void failure(String reason) {
        failures(reason).increment();
    }

    private Counter failures(String reason) {
        return Counter.builder(FAILURES).description("FastAGI sessions that failed, by reason").tag("reason", reason)
                .register(registry);
    }
}

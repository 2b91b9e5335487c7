package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callers who behave on their own: patience, digits, talk time. */
class ScriptedCallerTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346296));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("waiting for " + what).isNegative();
            LockSupport.parkNanos(2_000_000);
        }
    }

    private boolean happened(SimRecord.Kind kind, String subject) {
        return sim.history().stream().anyMatch(r -> r.kind() == kind && r.subject().equals(subject));
    }

    @Test
    void aCallerNobodyAnswersGivesUpAfterTheirPatience() {
        SimCall call = sim.dial(new ScriptedCaller("+15551230001", "Jane Doe", "5551000", "", Duration.ofMillis(150),
            Duration.ofSeconds(30)));
        ami.awaitEvent("MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        await("the caller gives up", () -> happened(SimRecord.Kind.CALLER_GAVE_UP, call.channel()));
        ami.awaitEvent("Hangup", m -> call.channel().equals(m.get("Channel")));
        assertThat(sim.channel(call.channel())).isEmpty();
    }

    @Test
    void aBridgedCallerTalksForTheirTalkTimeThenHangsUpAndDoesNotAbandon() {
        SimCall call = sim.dial(new ScriptedCaller("+15551230002", "John Roe", "5551000", "", Duration.ofMillis(600),
            Duration.ofMillis(100)));
        ami.awaitEvent("MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/2001@agents", "Context: agent-leg", "Exten: s", "Priority: 1", "Async: true");
        String leg = ami.awaitEventFrom(mark, "OriginateResponse", m -> true).get("Channel");
        ami.action("Bridge", "Channel1: " + call.channel(), "Channel2: " + leg);

        ami.awaitEvent("Hangup", m -> call.channel().equals(m.get("Channel")));
        assertThat(happened(SimRecord.Kind.BRIDGED, call.channel())).isTrue();
        assertThat(sim.history()).extracting(SimRecord::kind).doesNotContain(SimRecord.Kind.CALLER_GAVE_UP);
    }

    @Test
    void badScriptsAreRefusedClearly() {
        assertThatThrownBy(() -> new ScriptedCaller("+1", "x", "5551000", "12a", Duration.ZERO, Duration.ZERO))
            .hasMessageContaining("digits may only be 0-9, * and #: 12a");
        assertThatThrownBy(() -> new ScriptedCaller("+1", "x", "5551000", "", Duration.ofSeconds(-1), Duration.ZERO))
            .hasMessageContaining("patience");
    }
}

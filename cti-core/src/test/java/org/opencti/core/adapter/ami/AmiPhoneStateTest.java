package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PhoneState;
import org.opencti.pbxsim.PbxSimulator;

/** An agent's phone asked over AMI ExtensionState, against pbx-sim over TCP; and how dial strings and statuses are read. */
class AmiPhoneStateTest {
    private PbxSimulator sim;
    private AsteriskJavaPbxGateway gateway;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, Clock.systemUTC())
            .withAuthFailureDelay(Duration.ZERO)).start();
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", sim.amiPort(), "cti", "cti-secret", Duration.ofSeconds(1),
            Duration.ofSeconds(5), Clock.systemUTC(), new SimpleMeterRegistry(), 1_000);
        CountDownLatch ready = new CountDownLatch(1);
        gateway.addListener(e -> {
            if (e instanceof PbxEvent.ChannelsResynced) {
                ready.countDown();
            }
        });
        gateway.start();
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("logged in to the simulator").isTrue();
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    private static PhoneState done(CompletionStage<PhoneState> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLocalPhoneAndATechnologyPhoneAreAskedOnTheirHints() throws Exception {
        sim.phone("2002").unavailable();

        assertThat(done(gateway.phoneState("Local/2001@agents"))).isEqualTo(PhoneState.AVAILABLE);
        assertThat(done(gateway.phoneState("PJSIP/2002"))).isEqualTo(PhoneState.UNAVAILABLE);
        assertThat(done(gateway.phoneState("Local/2002@agents/n"))).isEqualTo(PhoneState.UNAVAILABLE);
        assertThat(sim.actionCount("ExtensionState")).isEqualTo(3);
    }

    @Test
    void aPhoneWithoutAHintIsUnknown() throws Exception {
        assertThat(done(gateway.phoneState("Local/s@cti-hold"))).as("an extension of the dialplan, no hint")
            .isEqualTo(PhoneState.UNKNOWN);
        assertThat(done(gateway.phoneState("PJSIP/trunk/sip:5552000@example.invalid"))).as("names no hint: not asked")
            .isEqualTo(PhoneState.UNKNOWN);
        assertThat(sim.actionCount("ExtensionState")).isEqualTo(1);
    }

    @Test
    void technologyPhonesAreAskedInTheConfiguredHintContext() throws Exception {
        gateway.hintContext("cti-hold"); // a context whose extensions have no hint in the simulator

        assertThat(done(gateway.phoneState("PJSIP/2001"))).isEqualTo(PhoneState.UNKNOWN);
        assertThat(done(gateway.phoneState("Local/2001@agents"))).as("a Local phone names its context")
            .isEqualTo(PhoneState.AVAILABLE);
    }

    @Test
    void dialStringsNameTheirHints() {
        assertThat(PhoneHints.of("Local/2001@agents", "x")).contains(new PhoneHints.Hint("2001", "agents"));
        assertThat(PhoneHints.of("local/2001@desk-phones/n", "x")).contains(new PhoneHints.Hint("2001", "desk-phones"));
        assertThat(PhoneHints.of("PJSIP/2001", PhoneHints.DEFAULT_HINT_CONTEXT)).contains(new PhoneHints.Hint("2001", "agents"));
        assertThat(PhoneHints.of("SIP/2001", "phones")).contains(new PhoneHints.Hint("2001", "phones"));
        assertThat(PhoneHints.of("Local/2001", "x")).isEmpty();
        assertThat(PhoneHints.of("PJSIP/trunk/sip:5552000@example.invalid", "x")).isEmpty();
        assertThat(PhoneHints.of(null, "x")).isEmpty();
    }

    @Test
    void asterisksExtensionStatusesMapToPhoneStates() {
        assertThat(PhoneHints.state(0)).isEqualTo(PhoneState.AVAILABLE);
        for (int inUse : new int[] {1, 2, 8, 9, 16, 17}) {
            assertThat(PhoneHints.state(inUse)).as("status %d", inUse).isEqualTo(PhoneState.IN_USE);
        }
        assertThat(PhoneHints.state(4)).isEqualTo(PhoneState.UNAVAILABLE);
        assertThat(PhoneHints.state(-1)).as("no hint").isEqualTo(PhoneState.UNKNOWN);
        assertThat(PhoneHints.state(-2)).as("extension removed").isEqualTo(PhoneState.UNKNOWN);
        assertThat(PhoneHints.state(null)).isEqualTo(PhoneState.UNKNOWN);
        assertThat(PhoneHints.state(32)).as("a state Asterisk does not name").isEqualTo(PhoneState.UNKNOWN);
    }
}

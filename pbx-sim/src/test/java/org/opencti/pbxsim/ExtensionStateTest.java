package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AMI ExtensionState over a real socket. No capture of it exists: the expected layout is the one Asterisk's manager writes
 * (Response, ActionID, Message, Exten, Context, Hint, Status, StatusText).
 */
class ExtensionStateTest {
    private static final List<String> LAYOUT = List.of("Response", "ActionID", "Message", "Exten", "Context", "Hint", "Status",
        "StatusText");
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346168, 747161000));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(30)).withPromptDuration(Duration.ofMillis(50))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    private AmiMessage state(String exten, String context) {
        return ami.action("ExtensionState", "Exten: " + exten, "Context: " + context);
    }

    @Test
    void anIdlePhoneAnswersWithAsterisksLayoutAndItsHint() {
        AmiMessage r = state("2001", "agents");

        assertThat(r.names()).isEqualTo(LAYOUT);
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(r.get("Message")).isEqualTo("Extension Status");
        assertThat(r.get("Exten")).isEqualTo("2001");
        assertThat(r.get("Context")).isEqualTo("agents");
        assertThat(r.get("Hint")).isEqualTo("PJSIP/2001");
        assertThat(r.get("Status")).isEqualTo("0");
        assertThat(r.get("StatusText")).isEqualTo("Idle");
        assertThat(sim.actionCount("ExtensionState")).isEqualTo(1);
    }

    @Test
    void anUnregisteredPhoneIsUnavailableUntilItIsBack() {
        sim.phone("2002").unavailable();

        AmiMessage r = state("2002", "agents");
        assertThat(r.get("Status")).isEqualTo("4");
        assertThat(r.get("StatusText")).isEqualTo("Unavailable");
        assertThat(state("2001", "agents").get("Status")).as("another phone").isEqualTo("0");

        sim.phone("2002").available();
        assertThat(state("2002", "agents").get("Status")).isEqualTo("0");
    }

    @Test
    void aPhoneRingsThenIsInUseWhileOnACallThenIdleAgain() {
        PhoneBehaviour phone = sim.phone("2003").answerOnRelease();
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/2003@agents", "Context: agent-leg", "Exten: s", "Priority: 1",
            "Timeout: 20000", "Async: true");
        ami.awaitEventFrom(mark, "DialState", m -> "RINGING".equals(m.get("DialStatus")));

        AmiMessage ringing = state("2003", "agents");
        assertThat(ringing.get("Status")).isEqualTo("8");
        assertThat(ringing.get("StatusText")).isEqualTo("Ringing");

        phone.release();
        AmiMessage answered = ami.awaitEventFrom(mark, "OriginateResponse", m -> true);
        assertThat(answered.get("Response")).isEqualTo("Success");
        AmiMessage inUse = state("2003", "agents");
        assertThat(inUse.get("Status")).isEqualTo("1");
        assertThat(inUse.get("StatusText")).isEqualTo("InUse");

        int before = ami.mark();
        ami.action("Hangup", "Channel: " + answered.get("Channel"));
        ami.awaitEventFrom(before, "Hangup", m -> m.get("Channel").endsWith(";2"));
        assertThat(state("2003", "agents").get("Status")).isEqualTo("0");
    }

    @Test
    void anExtensionOfTheDialplanHasNoHintAndAMissingExtenIsAnError() {
        AmiMessage noHint = state("s", "cti-hold");
        assertThat(noHint.names()).isEqualTo(LAYOUT);
        assertThat(noHint.get("Hint")).isEmpty();
        assertThat(noHint.get("Status")).isEqualTo("-1");
        assertThat(noHint.get("StatusText")).isEqualTo("Unknown");

        AmiMessage error = ami.action("ExtensionState", "Context: agents");
        assertThat(error.get("Response")).isEqualTo("Error");
        assertThat(error.get("Message")).isEqualTo("Extension not specified");
    }
}

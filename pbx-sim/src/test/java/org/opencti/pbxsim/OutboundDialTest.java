package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer dialled the way callbacks and click-to-dial do it: Originate {@code Local/<number>@cti-outbound} into
 * [cti-customer-leg]; the shipped dialplan's {@code Dial()} reaches the number's simulated phone, whose answer (or busy,
 * or silence) is the Originate's outcome.
 */
class OutboundDialTest {
    private static final String CUSTOMER = "+12025550143";
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346168));
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

    private AmiMessage originate(String id) {
        return originate(id, 5000);
    }

    private AmiMessage originate(String id, int timeoutMillis) {
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: " + id, "Channel: Local/" + CUSTOMER + "@cti-outbound", "Context: cti-customer-leg",
            "Exten: s", "Priority: 1", "Timeout: " + timeoutMillis, "Async: true", "Variable: CTI_CALL_ID=d-1");
        return ami.awaitEventFrom(mark, "OriginateResponse", m -> id.equals(m.get("ActionID")));
    }

    @Test
    void theCustomerAnswersAndWaitsInTheCustomerLegContextUntilTheyHangUp() {
        AmiMessage response = originate("dial-1");
        assertThat(response.get("Response")).isEqualTo("Success");
        assertThat(response.get("Channel")).startsWith("Local/" + CUSTOMER + "@cti-outbound-").endsWith(";1");
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_ANSWERED && r.subject().equals(CUSTOMER));
        int mark = ami.mark();
        sim.agentHangsUp(CUSTOMER);
        ami.awaitEventFrom(mark, "Hangup", m -> response.get("Channel").equals(m.get("Channel")));
    }

    @Test
    void aBusyCustomerFailsTheOriginateWithReason5() {
        sim.phone(CUSTOMER).busy();
        AmiMessage response = originate("dial-2");
        assertThat(response.get("Response")).isEqualTo("Failure");
        assertThat(response.get("Reason")).isEqualTo("5");
    }

    @Test
    void aCustomerWhoDoesNotAnswerFailsItWithReason3AtTheTimeout() {
        sim.phone(CUSTOMER).noAnswer();
        AmiMessage response = originate("dial-3", 300);
        assertThat(response.get("Reason")).isEqualTo("3");
    }
}

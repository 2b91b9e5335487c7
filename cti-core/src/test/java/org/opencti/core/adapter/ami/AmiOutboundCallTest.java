package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.pbxsim.PbxSimulator;

/**
 * What the dialer needs from the AMI adapter, against pbx-sim playing capture 06's outcomes over TCP: a failed campaign
 * Originate completes with its Reason, the dial string as channel and no Uniqueid; an answered one carries the customer
 * leg's Uniqueid, on which the AMD verdict and the "waiting" marker then arrive as VariableSet events.
 */
class AmiOutboundCallTest {
    private static final String CAMPAIGN_CALLER_ID = "\"Campaign 7\" <+15550007000>";

    private final BlockingQueue<PbxEvent> delivered = new LinkedBlockingQueue<>();
    private PbxSimulator sim;
    private AsteriskJavaPbxGateway gateway;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, Clock.systemUTC())
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20)).withAmdDelay(Duration.ofMillis(100))
            .withAuthFailureDelay(Duration.ZERO)).start();
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", sim.amiPort(), "cti", "cti-secret", Duration.ofSeconds(1),
            Duration.ofSeconds(5), Clock.systemUTC(), new SimpleMeterRegistry(), 10_000);
        gateway.addListener(delivered::add);
        gateway.start();
        next(PbxEvent.ChannelsResynced.class, e -> true);
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    @Test
    void aFailedCampaignOriginateCompletesWithItsReasonTheDialStringAndNoUniqueid() throws Exception {
        sim.phone("+15550100").busy();
        sim.phone("+15550101").noAnswer();
        sim.phone("+15550102").congestion();
        sim.phone("+15550103").reject();
        sim.phone("+15550104").invalidNumber();
        Map<String, Integer> reasons = Map.of("+15550100", 5, "+15550101", 3, "+15550102", 8, "+15550103", 0, "+15550104", 0);

        for (Map.Entry<String, Integer> e : reasons.entrySet()) {
            String dialString = "Local/" + e.getKey() + "@cti-outbound";
            PbxEvent.OriginateCompleted done = gateway.originate(campaignCall("lead-" + e.getKey(), dialString))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(done.success()).as("success of %s", e.getKey()).isFalse();
            assertThat(done.reason()).as("reason of %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(done.channelName()).isEqualTo(dialString);
            assertThat(done.uniqueId()).as("Uniqueid <unknown> is no Uniqueid").isNull();
            assertThat(done.reference()).isEqualTo("lead-" + e.getKey());
        }
    }

    @Test
    void anAnsweredCampaignCallCarriesTheCustomerLegOnWhichTheAmdVerdictArrives() throws Exception {
        sim.phone("+15550200").answerAfter(Duration.ofMillis(50));
        sim.phone("+15550201").answeringMachine();

        PbxEvent.OriginateCompleted person = gateway.originate(campaignCall("lead-person", "Local/+15550200@cti-outbound"))
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(person.success()).isTrue();
        assertThat(person.reason()).isEqualTo(4);
        assertThat(person.channelName()).isEqualTo("Local/+15550200@cti-outbound-00000000;1");
        String leg = person.uniqueId();
        assertThat(leg).isNotNull();
        List<String> verdict = List.of(
            next(PbxEvent.VariableSet.class, v -> leg.equals(v.channel().uniqueId()) && v.name().startsWith("AMD")).value(),
            next(PbxEvent.VariableSet.class, v -> leg.equals(v.channel().uniqueId()) && v.name().startsWith("AMD")).value());
        assertThat(verdict).containsExactly("HUMAN", "HUMAN-800-800");
        PbxEvent.VariableSet waiting = next(PbxEvent.VariableSet.class, v -> leg.equals(v.channel().uniqueId())
            && "CTI_WAITING".equals(v.name()));
        assertThat(waiting.value()).isEqualTo("1");
        assertThat(waiting.channel().name()).isEqualTo(person.channelName());

        PbxEvent.OriginateCompleted machine = gateway.originate(campaignCall("lead-machine", "Local/+15550201@cti-outbound"))
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(next(PbxEvent.VariableSet.class, v -> machine.uniqueId().equals(v.channel().uniqueId())
            && "AMDSTATUS".equals(v.name())).value()).isEqualTo("MACHINE");
    }

    private static OriginateRequest campaignCall(String reference, String dialString) {
        return new OriginateRequest(reference, dialString, "cti-campaign", "s", 1, CAMPAIGN_CALLER_ID, Duration.ofMillis(800),
            Map.of("CTI_CAMPAIGN", "7", "CTI_LEAD", reference, "CTI_AMD", "yes", "CTI_SAFE_HARBOUR", "cti-all-agents-busy"));
    }

    /** The next delivered event of {@code type} that matches, skipping the others. */
    private <T extends PbxEvent> T next(Class<T> type, java.util.function.Predicate<T> match) throws InterruptedException {
        while (true) {
            PbxEvent event = delivered.poll(15, TimeUnit.SECONDS);
            assertThat(event).as("a %s within 15 s", type.getSimpleName()).isNotNull();
            if (type.isInstance(event) && match.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }
}

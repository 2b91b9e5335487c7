package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeded population behind dialled numbers: deterministic per number and seed, with the configured shares. */
class OutboundPopulationTest {
    private static final int NUMBERS = 20_000;

    private static String number(int i) {
        return String.format("+1555%07d", i);
    }

    @Test
    void aNumberMeetsTheSamePartyForTheSameSeedWithOrWithoutItsPlus() {
        OutboundPopulation population = OutboundPopulation.typical(42);
        int differ = 0;
        for (int i = 0; i < 500; i++) {
            CalledParty party = population.calledParty(number(i));
            assertThat(OutboundPopulation.typical(42).calledParty(number(i))).isEqualTo(party);
            assertThat(population.calledParty(number(i).substring(1))).isEqualTo(party);
            if (!OutboundPopulation.typical(43).calledParty(number(i)).equals(party)) {
                differ++;
            }
        }
        assertThat(differ).as("another seed is another population").isGreaterThan(300);
    }

    @Test
    void sharesRingAndTalkTimesFollowTheSettingsOverManyNumbers() {
        OutboundPopulation population = new OutboundPopulation(7, 0.25, 0.15, 0.05, 0.10, 0.30, 0.05, 0.04, 0.06,
            Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(120), Duration.ofSeconds(60));
        Map<CalledParty.Kind, Integer> counts = new EnumMap<>(CalledParty.Kind.class);
        double talkSum = 0;
        int talkers = 0;
        for (int i = 0; i < NUMBERS; i++) {
            CalledParty p = population.calledParty(number(i));
            counts.merge(p.kind(), 1, Integer::sum);
            if (p.kind().answers() || p.kind() == CalledParty.Kind.REJECTED) {
                assertThat(p.ring()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
            } else {
                assertThat(p.ring()).isZero();
            }
            boolean talks = p.kind() == CalledParty.Kind.PERSON || p.kind() == CalledParty.Kind.AMD_NOT_SURE;
            assertThat(p.talk() != null).as("talk time of %s", p.kind()).isEqualTo(talks);
            if (talks) {
                talkSum += p.talk().toMillis() / 1000.0;
                talkers++;
            }
        }
        Map<CalledParty.Kind, Double> want = Map.of(CalledParty.Kind.PERSON, 0.25, CalledParty.Kind.MACHINE, 0.15,
            CalledParty.Kind.AMD_NOT_SURE, 0.05, CalledParty.Kind.BUSY, 0.10, CalledParty.Kind.NO_ANSWER, 0.30,
            CalledParty.Kind.CONGESTION, 0.05, CalledParty.Kind.REJECTED, 0.04, CalledParty.Kind.INVALID_NUMBER, 0.06);
        // 0.012 is over 3.5 standard deviations for any share at 20,000 draws.
        want.forEach((kind, share) -> assertThat(counts.getOrDefault(kind, 0) / (double) NUMBERS).as("share of %s", kind)
            .isCloseTo(share, within(0.012)));
        // Log-normal talk: the mean is the configured one (sd 60 s over ~6,000 people: about 1 s of error).
        assertThat(talkSum / talkers).isCloseTo(120.0, within(5.0));
    }

    @Test
    void badSettingsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> new OutboundPopulation(1, 0.5, 0.5, 0, 0, 0.1, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> new OutboundPopulation(1, 1.2, -0.2, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("share person");
        assertThatThrownBy(() -> OutboundPopulation.typical(1).withRing(Duration.ofSeconds(5), Duration.ofSeconds(2)))
            .hasMessageContaining("ring time range");
        assertThatThrownBy(() -> OutboundPopulation.typical(1).withTalk(Duration.ZERO, Duration.ZERO))
            .hasMessageContaining("talk time");
        assertThatThrownBy(() -> OutboundPopulation.typical(1).calledParty(" ")).hasMessageContaining("no number");
    }

    @Test
    void dialledNumbersMeetThePopulationUnlessTheyHaveTheirOwnBehaviour() {
        OutboundPopulation population = OutboundPopulation.typical(11).withRing(Duration.ofMillis(20), Duration.ofMillis(120))
            .withTalk(Duration.ofSeconds(60), Duration.ofSeconds(30));
        // One number of each outcome, found by asking the population (deterministic for this seed).
        Map<CalledParty.Kind, String> sample = new EnumMap<>(CalledParty.Kind.class);
        String busyByHand = null;
        for (int i = 0; (sample.size() < CalledParty.Kind.values().length || busyByHand == null) && i < 10_000; i++) {
            CalledParty.Kind kind = population.calledParty(number(i)).kind();
            if (sample.putIfAbsent(kind, number(i)) != null && kind == CalledParty.Kind.PERSON && busyByHand == null) {
                busyByHand = number(i);
            }
        }
        assertThat(sample).hasSize(CalledParty.Kind.values().length);
        assertThat(busyByHand).isNotNull();
        try (PbxSimulator sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0,
            new MutableClock(Instant.ofEpochSecond(1795346300))).withAnswerDelay(Duration.ofMillis(20))
            .withPromptDuration(Duration.ofMillis(20)).withAmdDelay(Duration.ofMillis(50)).withAuthFailureDelay(Duration.ZERO)).start();
             AmiTestClient ami = AmiTestClient.loggedIn(sim.amiPort())) {
            sim.outboundPopulation(population);
            assertThat(sim.outboundPopulation()).isEqualTo(population);
            // A person by the population, but the test says busy: the explicit behaviour wins.
            sim.phone(busyByHand).busy();

            Map<String, String> expectedReason = new LinkedHashMap<>();
            sample.forEach((kind, n) -> expectedReason.put(n, Integer.toString(kind.originateReason())));
            expectedReason.put(busyByHand, "5");
            int mark = ami.mark();
            for (String n : expectedReason.keySet()) {
                ami.send("Action: Originate", "ActionID: pop-" + n, "Channel: Local/" + n + "@cti-outbound", "Context: cti-campaign",
                    "Exten: s", "Priority: 1", "Timeout: 600", "Async: true", "Variable: CTI_AMD=yes");
            }
            expectedReason.forEach((n, reason) -> assertThat(ami.awaitEventFrom(mark, "OriginateResponse",
                m -> ("pop-" + n).equals(m.actionId())).get("Reason")).as("Reason for %s", n).isEqualTo(reason));
            for (CalledParty.Kind kind : new CalledParty.Kind[] {CalledParty.Kind.MACHINE, CalledParty.Kind.AMD_NOT_SURE}) {
                String channel = ami.awaitEventFrom(mark, "OriginateResponse", m -> ("pop-" + sample.get(kind)).equals(m.actionId()))
                    .get("Channel");
                String want = kind == CalledParty.Kind.MACHINE ? "MACHINE" : "NOTSURE";
                ami.awaitEventFrom(mark, "VarSet", m -> channel.equals(m.get("Channel")) && "AMDSTATUS".equals(m.get("Variable"))
                    && want.equals(m.get("Value")));
            }
        }
    }
}

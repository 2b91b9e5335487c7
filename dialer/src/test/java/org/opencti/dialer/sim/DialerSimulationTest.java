package org.opencti.dialer.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.pacing.DialMode;

class DialerSimulationTest {
    private static final DialerReport DEFAULT = DialerSimulation.runAll(DialerScenario.standard());

    @Test
    void predictiveGivesAtLeast135TimesProgressiveTalkTimeWithinTheLimit() {
        DialerReport.Row predictive = DEFAULT.row(DialMode.PREDICTIVE);
        assertThat(DEFAULT.predictiveGain()).isGreaterThanOrEqualTo(1.35);
        assertThat(predictive.usAbandonRate()).isLessThanOrEqualTo(0.03);
        assertThat(predictive.utilisation()).isGreaterThan(DEFAULT.row(DialMode.PROGRESSIVE).utilisation());
    }

    @Test
    void abandonLimitHoldsOverSeeds() {
        for (long seed = 2; seed <= 7; seed++) {
            DialerReport.Row r = DialerSimulation.run(DialerScenario.standard().withSeed(seed), DialMode.PREDICTIVE);
            assertThat(r.usAbandonRate()).as("seed %d", seed).isLessThanOrEqualTo(0.03).isGreaterThan(0);
            assertThat(r.connects()).as("seed %d", seed).isGreaterThan(8000);
        }
    }

    @Test
    void progressiveAndPreviewNeverAbandon() {
        assertThat(DEFAULT.row(DialMode.PROGRESSIVE).abandoned()).isZero();
        assertThat(DEFAULT.row(DialMode.PREVIEW).abandoned()).isZero();
        // Under Ofcom's formula the people AMD hung up on still count, estimated from the detector's error rate.
        assertThat(DEFAULT.row(DialMode.PROGRESSIVE).ukAbandonRate()).isGreaterThan(0.03);
    }

    @Test
    void previewDialsOnlyOnAgentAction() {
        DialerReport.Row preview = DEFAULT.row(DialMode.PREVIEW);
        assertThat(preview.agentDecisions()).isPositive();
        assertThat(preview.dials()).isEqualTo(preview.agentDecisions() - preview.agentSkips());
        assertThat(preview.agentSkips()).isPositive();
    }

    @Test
    void noAgentsNoDials() {
        DialerReport empty = DialerSimulation.runAll(DialerScenario.standard().withAgents(0).withShift(Duration.ofHours(1)));
        for (DialMode mode : DialMode.values()) {
            assertThat(empty.row(mode).dials()).as("%s", mode).isZero();
        }
    }

    @Test
    void aDropSpikeCutsTheOverDialAtOnce() {
        // For ten minutes from the second hour 80 % of the list answers (a fresh list, the evening): drops spike.
        DialerScenario surge = DialerScenario.standard().withShift(Duration.ofHours(3))
            .withSurge(new DialerScenario.Surge(Duration.ofHours(2), Duration.ofMinutes(10), 0.8));
        DialerReport.Row r = DialerSimulation.run(surge, DialMode.PREDICTIVE);
        long[] inSurge = java.util.Arrays.stream(r.spikeSeconds()).filter(t -> t >= 7200 && t < 7800).toArray();
        assertThat(inSurge).isNotEmpty();
        double before = 0;
        double after = 0;
        for (long t : r.spikeSeconds()) {
            before += r.meanOverDial(t - 30, t);
            after += r.meanOverDial(t, t + 30);
        }
        assertThat(after).isLessThan(0.6 * before);
        assertThat(r.usAbandonRate()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void sameScenarioSameFigures() {
        DialerScenario s = DialerScenario.standard().withShift(Duration.ofHours(1));
        DialerReport.Row a = DialerSimulation.run(s, DialMode.PREDICTIVE);
        DialerReport.Row b = DialerSimulation.run(s, DialMode.PREDICTIVE);
        assertThat(a.dials()).isEqualTo(b.dials());
        assertThat(a.talkMinutesPerAgentHour()).isCloseTo(b.talkMinutesPerAgentHour(), within(0.0));
    }
}

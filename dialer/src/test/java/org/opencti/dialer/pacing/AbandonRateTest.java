package org.opencti.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;

class AbandonRateTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void ofcomWorkedExampleGives64point44Percent() {
        // 29 drops, 9 live calls and 7 answering machines put through to agents, no AMD:
        // D_live = 29 x 9 / (9 + 7) = 16.3125; rate = 16.3125 / (16.3125 + 9) = 0.644444...
        assertThat(AbandonRate.ofcomRate(29, 9, 7, 0)).isCloseTo(0.6444, within(0.00005));
        assertThat(String.format("%.2f %%", AbandonRate.ofcomRate(29, 9, 7, 0) * 100)).isEqualTo("64.44 %");
    }

    @Test
    void ofcomExampleThroughTheCampaignCounters() {
        AbandonRate uk = new AbandonRate("c1", AbandonRate.Rule.UK_OFCOM, 0, time.clock());
        repeat(29, uk::abandoned);
        repeat(9, uk::connected);
        repeat(7, uk::machineAtAgent);
        assertThat(uk.rate()).isCloseTo(29.0 * 9 / 16 / (29.0 * 9 / 16 + 9), within(1e-12));
        assertThat(uk.counts().abandoned()).isEqualTo(29);
    }

    @Test
    void ofcomAddsEstimatedAmdFalsePositivesToBothTerms() {
        // 2 drops, 98 live, no machines at agents; 100 AMD machine verdicts of which 5 % were people: F = 5.
        assertThat(AbandonRate.ofcomRate(2, 98, 0, 5)).isCloseTo(7.0 / 105, within(1e-12));
        AbandonRate uk = new AbandonRate("c1", AbandonRate.Rule.UK_OFCOM, 0.05, time.clock());
        repeat(2, uk::abandoned);
        repeat(98, uk::connected);
        repeat(100, uk::amdMachine);
        assertThat(uk.rate()).isCloseTo(7.0 / 105, within(1e-12));
    }

    @Test
    void ofcomWithNothingPutThroughTakesEveryDropAsAPerson() {
        assertThat(AbandonRate.ofcomRate(3, 0, 0, 0)).isEqualTo(1.0);
        assertThat(AbandonRate.ofcomRate(0, 0, 0, 0)).isZero();
    }

    @Test
    void usRateIsAbandonedOverLiveAnsweredAndIgnoresMachines() {
        AbandonRate us = new AbandonRate("c1", AbandonRate.Rule.US_TSR, 0, time.clock());
        repeat(3, us::abandoned);
        repeat(97, us::connected);
        repeat(50, us::machineAtAgent);
        repeat(50, us::amdMachine);
        assertThat(us.rate()).isCloseTo(0.03, within(1e-12));
        assertThat(AbandonRate.usRate(0, 0)).isZero();
    }

    @Test
    void usWindowRollsOverThirtyDays() {
        AbandonRate us = new AbandonRate("c1", AbandonRate.Rule.US_TSR, 0, time.clock());
        repeat(10, us::abandoned);
        repeat(90, us::connected);
        time.advance(Duration.ofDays(15));
        repeat(100, us::connected);
        assertThat(us.rate()).isCloseTo(10.0 / 200, within(1e-12));
        // Day 29: the first day's drops still count (every window of 30 days must be under the limit).
        time.advance(Duration.ofDays(14));
        assertThat(us.counts().abandoned()).isEqualTo(10);
        // Just past 30 days (and the 5-minute bucket): the first day's calls have left the window.
        time.advance(Duration.ofDays(1).plusMinutes(6));
        assertThat(us.counts().abandoned()).isZero();
        assertThat(us.counts().connected()).isEqualTo(100);
        assertThat(us.rate()).isZero();
    }

    @Test
    void windowErrsOnTheLongSideNeverTheShort() {
        AbandonRate us = new AbandonRate("c1", AbandonRate.Rule.US_TSR, 0, time.clock());
        us.abandoned();
        time.advance(Duration.ofDays(30));
        // Exactly 30 days later the drop is still in: the window is rounded out to whole buckets.
        assertThat(us.counts().abandoned()).isEqualTo(1);
    }

    @Test
    void ukWindowIsTwentyFourHours() {
        AbandonRate uk = new AbandonRate("c1", AbandonRate.Rule.UK_OFCOM, 0, time.clock());
        repeat(5, uk::abandoned);
        repeat(95, uk::connected);
        time.advance(Duration.ofHours(23));
        assertThat(uk.counts().abandoned()).isEqualTo(5);
        time.advance(Duration.ofHours(1).plusMinutes(2));
        assertThat(uk.counts().abandoned()).isZero();
        assertThat(uk.rate()).isZero();
    }

    @Test
    void badInputIsRefusedWithItsName() {
        assertThatThrownBy(() -> new AbandonRate("c9", AbandonRate.Rule.UK_OFCOM, 1.2, time.clock()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c9").hasMessageContaining("false-positive");
        assertThatThrownBy(() -> AbandonRate.ofcomRate(-1, 0, 0, 0)).hasMessageContaining("drops -1");
    }

    private static void repeat(int n, Runnable r) {
        for (int i = 0; i < n; i++) {
            r.run();
        }
    }
}

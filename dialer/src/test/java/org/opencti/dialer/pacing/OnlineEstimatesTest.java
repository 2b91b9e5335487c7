package org.opencti.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OnlineEstimatesTest {
    private final OnlineEstimates e = new OnlineEstimates(OnlineEstimates.Priors.outboundDefaults());

    @Test
    void coldStartIsThePrior() {
        assertThat(e.needsAgentRate()).isEqualTo(0.30);
        assertThat(e.secondsToAgent()).isEqualTo(15.0);
        assertThat(e.meanTalkSeconds()).isCloseTo(180, within(0.5));
        assertThat(e.meanWrapSeconds()).isEqualTo(30.0);
        assertThat(e.needsAgentAfter(0)).isCloseTo(0.30, within(1e-9));
    }

    @Test
    void followsTheCampaignsOwnFigures() {
        for (int i = 0; i < 5000; i++) {
            e.dialEnded(i % 10 == 0 ? CallOutcome.AMD_HUMAN : CallOutcome.BUSY, Duration.ofSeconds(i % 10 == 0 ? 8 : 3));
            e.talkEnded(Duration.ofSeconds(60));
            e.wrapUpEnded(Duration.ofSeconds(10));
        }
        assertThat(e.needsAgentRate()).isCloseTo(0.10, within(0.01));
        assertThat(e.secondsToAgent()).isCloseTo(8, within(0.1));
        assertThat(e.meanTalkSeconds()).isCloseTo(60, within(1.0));
        assertThat(e.meanWrapSeconds()).isCloseTo(10, within(0.1));
    }

    @Test
    void aLineStillRingingLateIsLikelyANoAnswer() {
        for (int i = 0; i < 1000; i++) {
            boolean live = i % 3 == 0;
            e.dialEnded(live ? CallOutcome.LIVE_ANSWER : CallOutcome.NO_ANSWER, Duration.ofSeconds(live ? 10 : 25));
        }
        assertThat(e.needsAgentAfter(0)).isCloseTo(1.0 / 3, within(0.02));
        assertThat(e.needsAgentAfter(5)).isCloseTo(1.0 / 3, within(0.02));
        assertThat(e.needsAgentAfter(15)).isLessThan(0.05);
    }

    @Test
    void agentsNearTheEndOfTheirCallAreLikelierFreeSoon() {
        assertThat(e.freeWithin(0, 20)).isZero(); // 30 s wrap-up: nobody is free in 20 s
        double early = e.freeWithin(10, 60);
        double wider = e.freeWithin(10, 120);
        assertThat(early).isBetween(0.0, 1.0);
        assertThat(wider).isGreaterThan(early);
        assertThat(e.wrapDoneWithin(25, 10)).isEqualTo(1.0);
        assertThat(e.wrapDoneWithin(5, 10)).isZero();
    }
}

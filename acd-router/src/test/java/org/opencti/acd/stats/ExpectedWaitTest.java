package org.opencti.acd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedWaitTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final QueueStatistics stats = new QueueStatistics(Map.of(), Duration.ofSeconds(20), Map.of(), Duration.ofMinutes(30));

    /** Two calls with a four-minute handle time each (three minutes' talk, one of wrap-up). */
    private void handleTwoCalls() {
        for (String id : new String[] {"c1", "c2"}) {
            stats.callQueued(id, "billing", "Gold", T0);
            stats.callAnswered(id, T0.plusSeconds(10));
            stats.callEnded(id, T0.plusSeconds(190));
            stats.wrapUpEnded(id, T0.plusSeconds(250));
        }
    }

    @Test
    void theWaitIsPositionTimesRecentHandleTimeOverAgents() {
        handleTwoCalls();
        Instant now = T0.plusSeconds(300);
        assertThat(stats.recentHandleTime("billing", now)).contains(Duration.ofMinutes(4));
        Optional<Duration> wait = stats.expectedWait("billing", 3, 6, now);
        assertThat(wait).contains(Duration.ofMinutes(2));
        assertThat(ExpectedWait.announcement(3, wait)).isEqualTo("You are caller number 3. Your expected wait is about 2 minutes.");
    }

    @Test
    void todaysHandleTimeStandsInWhenTheWindowIsQuiet() {
        handleTwoCalls();
        assertThat(stats.expectedWait("billing", 1, 1, T0.plus(Duration.ofHours(2)))).contains(Duration.ofMinutes(4));
    }

    @Test
    void noEstimateWithoutAgentsOrHistory() {
        handleTwoCalls();
        assertThat(stats.expectedWait("billing", 2, 0, T0.plusSeconds(300))).isEmpty();
        assertThat(stats.expectedWait("support", 2, 3, T0.plusSeconds(300))).isEmpty();
        assertThat(ExpectedWait.announcement(2, Optional.empty())).isEqualTo("You are caller number 2.");
        assertThatThrownBy(() -> stats.expectedWait("billing", 0, 3, T0)).hasMessage("positions start at 1, got 0");
    }

    @Test
    void estimatesRoundUpToTheSecondAndAnnouncementsToTheMinute() {
        // 240 s ÷ 7 = 34.29 s
        assertThat(ExpectedWait.estimate(1, 7, Duration.ofMinutes(4))).isEqualTo(Duration.ofSeconds(35));
        assertThat(ExpectedWait.announcement(1, Duration.ofSeconds(35)))
            .isEqualTo("You are caller number 1. Your expected wait is less than a minute.");
        assertThat(ExpectedWait.announcement(4, Duration.ofSeconds(60)))
            .isEqualTo("You are caller number 4. Your expected wait is about 1 minute.");
        assertThat(ExpectedWait.announcement(4, Duration.ofSeconds(61)))
            .isEqualTo("You are caller number 4. Your expected wait is about 2 minutes.");
        assertThatThrownBy(() -> ExpectedWait.estimate(1, 0, Duration.ofMinutes(4)))
            .hasMessage("an estimate needs at least one agent serving, got 0");
    }
}

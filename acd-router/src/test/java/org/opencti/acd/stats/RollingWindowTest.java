package org.opencti.acd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingWindowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final QueueStatistics stats = new QueueStatistics(Map.of(), Duration.ofSeconds(20), Map.of(), Duration.ofMinutes(30));

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aCallLeavesTheWindowThirtyMinutesAfterItsMinuteButStaysInToday() {
        stats.callQueued("c1", "billing", "Gold", t(0));
        stats.callAnswered("c1", t(10));
        assertThat(stats.snapshot("billing", t(29 * 60 + 59)).window().answered()).isEqualTo(1);
        QueueSnapshot later = stats.snapshot("billing", t(30 * 60));
        assertThat(later.window().answered()).isZero();
        assertThat(later.window().offered()).isZero();
        assertThat(later.today().answered()).isEqualTo(1);
    }

    @Test
    void aReusedBucketForgetsTheMinuteItHeldBefore() {
        stats.callQueued("c1", "billing", "Gold", t(0));
        stats.callQueued("c2", "billing", "Gold", t(30 * 60 + 15)); // same slot in the ring as minute 0
        stats.callQueued("c3", "billing", "Gold", t(31 * 60));
        Figures window = stats.snapshot("billing", t(31 * 60 + 30)).window();
        assertThat(window.offered()).isEqualTo(2);
        assertThat(stats.snapshot("billing", t(31 * 60 + 30)).today().offered()).isEqualTo(3);
    }

    @Test
    void anEventOlderThanTheWindowCountsTodayOnly() {
        stats.callQueued("c1", "billing", "Gold", t(0));
        stats.callQueued("c2", "billing", "Gold", t(30 * 60)); // takes minute 0's slot
        stats.callAbandoned("c1", t(10)); // reported late, for minute 0
        QueueSnapshot s = stats.snapshot("billing", t(30 * 60 + 5));
        assertThat(s.window().abandoned()).isZero();
        assertThat(s.today().abandoned()).isEqualTo(1);
    }

    @Test
    void startNewDayResetsTodayButNotTheWindowOrTheWaitingCalls() {
        stats.callQueued("c1", "billing", "Gold", t(0));
        stats.callAnswered("c1", t(5));
        stats.callQueued("c2", "billing", "Gold", t(10));
        stats.startNewDay();
        QueueSnapshot s = stats.snapshot("billing", t(20));
        assertThat(s.today().offered()).isZero();
        assertThat(s.today().answered()).isZero();
        assertThat(s.window().answered()).isEqualTo(1);
        assertThat(s.callsWaiting()).isEqualTo(1);
        stats.callAnswered("c2", t(30));
        assertThat(stats.snapshot("billing", t(40)).today().answered()).isEqualTo(1);
    }

    @Test
    void aDayOfOneHundredThousandCallsLeavesNothingBehind() {
        for (int i = 0; i < 100_000; i++) {
            String id = "c" + i;
            Instant in = T0.plusMillis(800L * i);
            stats.callQueued(id, i % 2 == 0 ? "billing" : "support", i % 3 == 0 ? "Gold" : "Silver", in);
            if (i % 10 == 0) {
                stats.callAbandoned(id, in.plusSeconds(30));
            } else {
                stats.callAnswered(id, in.plusSeconds(15));
                stats.callEnded(id, in.plusSeconds(200));
                stats.wrapUpEnded(id, in.plusSeconds(230));
            }
        }
        assertThat(stats.liveCalls()).isZero();
        Instant end = T0.plusMillis(800L * 100_000 + 300_000);
        QueueSnapshot billing = stats.snapshot("billing", end);
        assertThat(billing.callsWaiting()).isZero();
        assertThat(billing.today().offered() + stats.snapshot("support", end).today().offered()).isEqualTo(100_000);
        assertThat(billing.today().averageHandleTime()).contains(Duration.ofSeconds(215));
        assertThat(stats.ignoredEvents()).isZero();
    }

    @Test
    void theWindowIsWholeMinutesOfAtLeastOne() {
        assertThatThrownBy(() -> new QueueStatistics(Map.of(), Duration.ofSeconds(20), Map.of(), Duration.ofSeconds(59)))
            .hasMessage("the rolling window must be at least a minute, got PT59S");
        QueueStatistics ninetySeconds = new QueueStatistics(Map.of(), Duration.ofSeconds(20), Map.of(), Duration.ofSeconds(90));
        ninetySeconds.callQueued("c1", "billing", "Gold", t(0));
        assertThat(ninetySeconds.snapshot("billing", t(119)).window().offered()).as("rounded up to two minutes").isEqualTo(1);
        assertThat(ninetySeconds.snapshot("billing", t(120)).window().offered()).isZero();
    }
}

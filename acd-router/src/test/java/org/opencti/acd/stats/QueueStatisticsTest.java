package org.opencti.acd.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueStatisticsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final QueueStatistics stats = new QueueStatistics(
        Map.of("Gold", Duration.ofSeconds(20), "Silver", Duration.ofSeconds(30), "Bronze", Duration.ofSeconds(60)),
        Duration.ofSeconds(60),
        Map.of("Gold", 90.0, "Silver", 80.0, "Bronze", 70.0),
        Duration.ofMinutes(30));

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }

    /** The hand-computed example: see the comments for each call's part in the figures. */
    private void playTheExampleMorning() {
        // Gold, target 20 s.
        stats.callQueued("g1", "billing", "Gold", t(0));
        stats.callAnswered("g1", t(10));            // 10 s: within
        stats.callQueued("g2", "billing", "Gold", t(0));
        stats.callAnswered("g2", t(25));            // 25 s: missed
        stats.callQueued("g3", "billing", "Gold", t(60));
        stats.callAbandoned("g3", t(90));           // 30 s: abandoned
        stats.callQueued("g4", "billing", "Gold", t(60));
        stats.callAbandoned("g4", t(63));           // 3 s: short abandon, left out
        stats.callQueued("g5", "billing", "Gold", t(100));
        stats.callAnswered("g5", t(120));           // exactly 20 s: within
        stats.callQueued("g6", "billing", "Gold", t(240)); // still waiting
        // Silver, target 30 s: all within.
        stats.callQueued("s1", "billing", "Silver", t(0));
        stats.callAnswered("s1", t(25));
        stats.callQueued("s2", "billing", "Silver", t(30));
        stats.callAnswered("s2", t(55));
        stats.callQueued("s3", "billing", "Silver", t(200));
        stats.callAnswered("s3", t(210));
        // No tier: the default target, 60 s.
        stats.callQueued("d1", "billing", null, t(0));
        stats.callAnswered("d1", t(50));
        // Handled: g1 talks 60 s and wraps up 30 s; s1 talks 100 s with no wrap-up.
        stats.callEnded("g1", t(70));
        stats.callEnded("s1", t(125));
        stats.wrapUpEnded("g1", t(100));
        stats.wrapUpEnded("s1", t(125));
    }

    @Test
    void queueFiguresFollowTheCommonDefinitions() {
        playTheExampleMorning();
        QueueSnapshot s = stats.snapshot("billing", t(300));
        Figures f = s.window();
        assertThat(s.callsWaiting()).isEqualTo(1);
        assertThat(s.longestWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(f.offered()).isEqualTo(10);
        assertThat(f.answered()).isEqualTo(7);
        assertThat(f.answeredWithinTarget()).isEqualTo(6);
        assertThat(f.abandoned()).isEqualTo(1);
        assertThat(f.shortAbandoned()).isEqualTo(1);
        // 6 within ÷ (7 answered + 1 abandoned); the short abandon is in neither.
        assertThat(f.serviceLevelPercent()).hasValue(75.0);
        assertThat(f.abandonRatePercent()).hasValue(12.5);
        // (10 + 25 + 20 + 25 + 25 + 10 + 50) s ÷ 7
        assertThat(f.averageSpeedOfAnswer()).contains(millis(23_571));
        assertThat(f.handled()).isEqualTo(2);
        assertThat(f.averageTalkTime()).contains(Duration.ofSeconds(80));
        assertThat(f.averageHandleTime()).contains(Duration.ofSeconds(95));
        assertThat(s.today()).as("all within the window").isEqualTo(f);
    }

    @Test
    void eachTierIsJudgedByItsOwnTarget() {
        playTheExampleMorning();
        Map<String, TierSnapshot> tiers = stats.snapshot("billing", t(300)).tiers();
        assertThat(tiers).containsOnlyKeys("Bronze", "Gold", "Silver", QueueStatistics.DEFAULT_TIER);

        TierSnapshot gold = tiers.get("Gold");
        assertThat(gold.target()).isEqualTo(Duration.ofSeconds(20));
        assertThat(gold.targetPercent()).isEqualTo(90.0);
        assertThat(gold.window().offered()).isEqualTo(6);
        assertThat(gold.window().serviceLevelPercent()).hasValue(50.0);
        assertThat(gold.window().abandonRatePercent()).hasValue(25.0);
        assertThat(gold.window().averageSpeedOfAnswer()).contains(millis(18_333));
        assertThat(gold.window().averageHandleTime()).contains(Duration.ofSeconds(90));
        assertThat(gold.callsWaiting()).isEqualTo(1);
        assertThat(gold.longestWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(gold.targetMet()).isFalse();

        TierSnapshot silver = tiers.get("Silver");
        assertThat(silver.window().serviceLevelPercent()).hasValue(100.0);
        assertThat(silver.window().averageSpeedOfAnswer()).contains(Duration.ofSeconds(20));
        assertThat(silver.callsWaiting()).isZero();
        assertThat(silver.targetMet()).isTrue();

        TierSnapshot untiered = tiers.get(QueueStatistics.DEFAULT_TIER);
        assertThat(untiered.target()).isEqualTo(Duration.ofSeconds(60));
        assertThat(untiered.targetPercent()).isEqualTo(ServiceLevelPolicy.DEFAULT_TARGET_PERCENT);
        assertThat(untiered.window().answeredWithinTarget()).isEqualTo(1);

        TierSnapshot bronze = tiers.get("Bronze");
        assertThat(bronze.window().offered()).isZero();
        assertThat(bronze.window().serviceLevelPercent()).isEmpty();
        assertThat(bronze.targetMet()).as("nothing to miss").isTrue();
    }

    @Test
    void anOverflowedCallLeavesTheFirstQueueAndKeepsItsEntryTimeInTheSecond() {
        stats.callQueued("o1", "billing", "Gold", t(0));
        stats.callOverflowed("o1", "support", t(40));
        QueueSnapshot billing = stats.snapshot("billing", t(45));
        assertThat(billing.callsWaiting()).isZero();
        assertThat(billing.window().offered()).isEqualTo(1);
        assertThat(billing.window().overflowedOut()).isEqualTo(1);
        assertThat(billing.window().serviceLevelPercent()).as("not answered or abandoned here").isEmpty();
        QueueSnapshot waiting = stats.snapshot("support", t(45));
        assertThat(waiting.callsWaiting()).isEqualTo(1);
        assertThat(waiting.longestWait()).isEqualTo(Duration.ofSeconds(45));

        stats.callAnswered("o1", t(50));
        Figures support = stats.snapshot("support", t(60)).window();
        assertThat(support.offered()).isEqualTo(1);
        assertThat(support.answered()).isEqualTo(1);
        assertThat(support.averageSpeedOfAnswer()).contains(Duration.ofSeconds(50));
        assertThat(support.serviceLevelPercent()).as("50 s is past Gold's 20 s").hasValue(0.0);
        assertThat(stats.snapshot("billing", t(60)).window().answered()).isZero();
    }

    @Test
    void agentsAreCountedByStateInEveryQueueTheyServe() {
        stats.agentQueues("a1", Set.of("billing"));
        stats.agentQueues("a2", Set.of("billing", "support"));
        stats.agentQueues("a3", Set.of("support"));
        stats.agentState("a1", "READY", t(0));
        stats.agentState("a2", "ON_CALL", t(0));
        stats.agentState("a3", "READY", t(0));
        stats.agentState("a3", "WRAP_UP", t(20));
        stats.agentState("a3", "READY", t(10)); // older than the last: ignored
        assertThat(stats.snapshot("billing", t(30)).agentsByState()).containsExactly(Map.entry("ON_CALL", 1), Map.entry("READY", 1));
        assertThat(stats.snapshot("support", t(30)).agentsByState()).containsOnly(Map.entry("ON_CALL", 1), Map.entry("WRAP_UP", 1));
        assertThat(stats.ignoredEvents()).isEqualTo(1);

        stats.agentQueues("a1", Set.of("support"));
        stats.agentRemoved("a2");
        assertThat(stats.snapshot("billing", t(40)).agentsByState()).isEmpty();
        assertThat(stats.snapshot("support", t(40)).agentsByState()).containsOnly(Map.entry("READY", 1), Map.entry("WRAP_UP", 1));
    }

    @Test
    void eventsThatDoNotFitAreIgnoredAndCounted() {
        stats.callAnswered("nobody", t(0));
        stats.callQueued("c1", "billing", "Gold", t(0));
        stats.callQueued("c1", "billing", "Gold", t(1));
        stats.callEnded("c1", t(2));
        stats.wrapUpEnded("c1", t(3));
        stats.callAnswered("c1", t(4));
        stats.callAbandoned("c1", t(5));
        assertThat(stats.ignoredEvents()).isEqualTo(5);
        Figures f = stats.snapshot("billing", t(6)).window();
        assertThat(f.offered()).isEqualTo(1);
        assertThat(f.answered()).isEqualTo(1);
        assertThat(f.abandoned()).isZero();
    }

    @Test
    void aQueueWithoutCallsHasAnEmptySnapshot() {
        QueueSnapshot s = stats.snapshot("spanish", t(0));
        assertThat(s.callsWaiting()).isZero();
        assertThat(s.longestWait()).isZero();
        assertThat(s.window().offered()).isZero();
        assertThat(s.window().averageSpeedOfAnswer()).isEmpty();
        assertThat(s.tiers()).containsOnlyKeys("Bronze", "Gold", "Silver");
    }
}

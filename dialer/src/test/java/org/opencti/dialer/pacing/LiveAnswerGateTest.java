package org.opencti.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;

class LiveAnswerGateTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-02T09:00:00Z"));
    private final AbandonRate rate = new AbandonRate("c1", AbandonRate.Rule.US_TSR, 0, time.clock());
    private final ArrayDeque<String> free = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final LiveAnswerGate gate = new LiveAnswerGate(time, Duration.ofSeconds(2), () -> Optional.ofNullable(free.pollFirst()), rate,
        new LiveAnswerGate.Listener() {
            @Override
            public void connect(String callId, String agentId) {
                events.add(callId + "->" + agentId + "@" + time.now().getEpochSecond() % 60);
            }

            @Override
            public void safeHarbour(String callId) {
                events.add(callId + " safe-harbour@" + time.now().getEpochSecond() % 60);
            }
        });

    @Test
    void freeAgentTakesTheCallAtOnce() {
        free.add("a1");
        gate.liveAnswer("c1");
        assertThat(events).containsExactly("c1->a1@0");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void agentFreedWithinTwoSecondsTakesTheOldestWaitingCall() {
        gate.liveAnswer("c1");
        time.advance(Duration.ofMillis(500));
        gate.liveAnswer("c2");
        time.advance(Duration.ofMillis(1400));
        assertThat(gate.agentFreed("a7")).isTrue();
        assertThat(events).containsExactly("c1->a7@1");
        assertThat(gate.waiting()).isEqualTo(1);
        assertThat(rate.counts().abandoned()).isZero();
    }

    @Test
    void noAgentWithinTwoSecondsPlaysSafeHarbourAndCountsAnAbandon() {
        gate.liveAnswer("c1");
        time.advance(Duration.ofMillis(1999));
        assertThat(events).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(events).containsExactly("c1 safe-harbour@2");
        assertThat(rate.counts().abandoned()).isEqualTo(1);
        // An agent freed afterwards finds nobody waiting.
        assertThat(gate.agentFreed("a1")).isFalse();
    }

    @Test
    void callerHangingUpWhileWaitingIsAnAbandonToo() {
        gate.liveAnswer("c1");
        time.advance(Duration.ofMillis(800));
        gate.callerHungUp("c1");
        time.advance(Duration.ofSeconds(5));
        assertThat(events).isEmpty();
        assertThat(rate.counts().abandoned()).isEqualTo(1);
    }

    @Test
    void deadlineLongerThanTwoSecondsIsRefused() {
        assertThatThrownBy(() -> new LiveAnswerGate(time, Duration.ofMillis(2001), Optional::empty, rate, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect deadline");
    }

    @Test
    void sameCallTwiceIsRefused() {
        gate.liveAnswer("c1");
        assertThatThrownBy(() -> gate.liveAnswer("c1")).hasMessageContaining("c1");
    }
}

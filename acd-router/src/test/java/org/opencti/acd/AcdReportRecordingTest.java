package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.AcdBench.done;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.queuelog.QueueLogEntry;

/** What the historical reports need is recorded: the call id, tier and hold time in the history, wrap-up in the queue_log. */
class AcdReportRecordingTest {
    private static final Duration WRAP = Duration.ofSeconds(10);

    private static AcdBench bench() {
        QueueSetup billing = new QueueSetup(new QueueRules("billing",
            List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 1))), AgentSelection.LONGEST_IDLE, null,
            new PriorityWeights(Map.of("Gold", 300.0), 200, 100, 1)), WRAP, Duration.ofSeconds(40), Duration.ofSeconds(15),
            null, null, null, null);
        return new AcdBench(List.of(billing), List.of(new AgentProfile("2001", "2001", "blue", "Local/2001@agents",
            Map.of("billing", 5))));
    }

    @Test
    void holdTimeAddsUpOverTheCallAndWrapUpIsLoggedWhenItEnds() {
        AcdBench bench = bench();
        bench.ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing", "CTI_TIER", "Gold"));
        bench.answer("100.9", "2001");
        bench.time.advance(Duration.ofSeconds(30));
        done(bench.acd.hold("2001"));
        bench.time.advance(Duration.ofSeconds(20));
        done(bench.acd.resume("2001"));
        bench.time.advance(Duration.ofSeconds(40));
        done(bench.acd.hold("2001"));
        bench.time.advance(Duration.ofSeconds(15));
        // the customer hangs up while on hold: that hold counts up to the hangup, 20 + 15 = 35 s
        bench.hangUp(caller);

        assertThat(bench.history).singleElement().satisfies(r -> {
            assertThat(r.callId()).isEqualTo("c-100.1");
            assertThat(r.tier()).isEqualTo("Gold");
            assertThat(r.holdSeconds()).isEqualTo(35L);
        });
        assertThat(wrapUps(bench)).isEmpty();
        bench.time.advance(WRAP);
        assertThat(wrapUps(bench)).singleElement().satisfies(e -> {
            assertThat(e.callId()).isEqualTo("c-100.1");
            assertThat(e.queue()).isEqualTo("billing");
            assertThat(e.agent()).isEqualTo("2001");
            assertThat(e.data()).containsExactly("WRAPUP", "10");
        });

        // the next call starts from no hold at all, and a wrap-up finished early is logged as it was
        ChannelRef next = bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        bench.answer("100.8", "2001");
        bench.time.advance(Duration.ofSeconds(60));
        bench.hangUp(next);
        bench.time.advance(Duration.ofSeconds(4));
        done(bench.acd.finishWrapUp("2001"));
        assertThat(bench.history.get(1).holdSeconds()).isZero();
        assertThat(wrapUps(bench)).extracting(e -> e.callId() + " " + e.data().get(1)).containsExactly("c-100.1 10", "c-100.2 4");
    }

    private static List<QueueLogEntry> wrapUps(AcdBench bench) {
        return bench.queueLog.entries().stream().filter(e -> e.event().name().equals("INFO")).toList();
    }
}

package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.time.ManualScheduler;

class SimulatedPbxTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<String> bridged = new ArrayList<>();
    private final List<PbxEvent> events = new ArrayList<>();
    private final SimulatedPbx pbx = new SimulatedPbx(time, Duration.ofSeconds(3), "cti-hold", new SimulatedPbx.Observer() {
        @Override
        public void bridged(String callerUniqueId) {
            bridged.add(callerUniqueId);
        }

        @Override
        public void callerDroppedByAcd(String callerUniqueId) {
            bridged.add("dropped " + callerUniqueId);
        }
    });

    private List<String> names() {
        return events.stream().map(e -> e.getClass().getSimpleName()
            + (e instanceof PbxEvent.DialplanStep d ? " " + d.context() : "")
            + (e instanceof PbxEvent.VariableSet v ? " " + v.name() + "=" + v.value() : "")).toList();
    }

    @Test
    void aCallerReachesHoldAndAnAgentLegRingsAnswersAndIsBridged() {
        pbx.addListener(events::add);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "billing");
        vars.put("CTI_TIER", "Gold");
        pbx.callerArrives("caller.1", "+12125510001", vars);
        assertThat(names()).containsExactly("ChannelCreated", "VariableSet CTI_QUEUE=billing", "VariableSet CTI_TIER=Gold",
            "DialplanStep cti-hold");
        events.clear();

        CompletableFuture<PbxEvent.OriginateCompleted> leg = pbx.originate(new OriginateRequest("c-1/1", "Local/a1@agents",
            "agent-leg", "s", 1, "<+12125510001>", Duration.ofSeconds(20), Map.of("CTI_AGENT", "a1"))).toCompletableFuture();
        time.advance(Duration.ofSeconds(2));
        assertThat(leg).isNotDone();
        time.advance(Duration.ofSeconds(1));
        PbxEvent.OriginateCompleted answered = leg.join();
        assertThat(answered.success()).isTrue();
        assertThat(answered.reference()).isEqualTo("c-1/1");
        assertThat(names()).containsExactly("ChannelCreated", "VariableSet CTI_AGENT=a1", "DialplanStep agent-leg",
            "OriginateCompleted");
        events.clear();

        pbx.bridge("PJSIP/trunk-caller.1", answered.channelName());
        assertThat(bridged).containsExactly("caller.1");
        assertThat(events).as("delivered after the action returns, like a real PBX").isEmpty();
        time.runDue();
        assertThat(names()).containsExactly("BridgeEntered", "BridgeEntered");
        assertThat(pbx.liveChannels().toCompletableFuture().join()).extracting(LiveChannel::bridgeId).containsOnly("bridge-1");
        events.clear();

        assertThat(pbx.callerHangsUp("caller.1")).isTrue();
        assertThat(names()).containsExactly("ChannelHungUp");
        pbx.hangup(answered.channelName());
        time.runDue();
        assertThat(names()).containsExactly("ChannelHungUp", "ChannelHungUp");
        assertThat(pbx.liveChannelCount()).isZero();
        assertThat(pbx.callerHangsUp("caller.1")).isFalse();
        assertThat(pbx.hangup("gone").toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void anAgentSlowerThanTheRingTimeoutIsNoAnswer() {
        SimulatedPbx slow = new SimulatedPbx(time, Duration.ofSeconds(30), "cti-hold", null);
        CompletableFuture<PbxEvent.OriginateCompleted> leg = slow.originate(new OriginateRequest("c-1/1", "Local/a1@agents",
            "agent-leg", "s", 1, null, Duration.ofSeconds(15), Map.of())).toCompletableFuture();
        time.advance(Duration.ofSeconds(15));
        assertThat(leg.join().success()).isFalse();
        assertThat(leg.join().reason()).isEqualTo(SimulatedPbx.NO_ANSWER);
        assertThat(slow.liveChannelCount()).isZero();
    }
}

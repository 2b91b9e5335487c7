package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.queuelog.InMemoryQueueLog;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/** The dialer's view of the agents: blending with inbound first, holds no two campaigns share, nailed-up legs. */
class OutboundAgentsTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-25T14:00:00Z"));
    private final RecordingPbx pbx = new RecordingPbx();
    private final List<InteractionRecord> history = new CopyOnWriteArrayList<>();
    private final List<DesktopEvent> desktop = new CopyOnWriteArrayList<>();
    private AcdService acd;
    private OutboundAgents outbound;

    @BeforeEach
    void setUp() {
        List<QueueSetup> queues = List.of(
            QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)), Duration.ofSeconds(10), Duration.ofSeconds(15)));
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 8)));
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()),
            new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(pbx, pops, desktop::add, new InMemoryAgentStateStore(), new ListHistory(history),
            Runnable::run, new InMemoryQueueLog());
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, SingleWriter.inline(), time,
            new SimpleMeterRegistry());
        outbound = new OutboundAgents(acd, time);
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Ann logs in and goes ready; the dialer's snapshot is rebuilt (it is at most {@link OutboundSnapshot#REBUILD_SPACING} old). */
    private void annReady() {
        done(acd.login("2001"));
        done(acd.ready("2001"));
        time.advance(OutboundSnapshot.REBUILD_SPACING);
    }

    private AgentState state() {
        return done(acd.status("2001")).orElseThrow().state();
    }

    private OutboundAgents.Member ann() {
        return outbound.snapshot().stream().filter(m -> m.agentId().equals("2001")).findFirst().orElseThrow();
    }

    private void event(PbxEvent e) {
        acd.onPbxEvent(e);
        outbound.onPbxEvent(e);
    }

    private void callerWaitsInBilling() {
        callerWaitsInBilling("100.1", "Local/5551006@cti-hold-00000001;2");
    }

    private void callerWaitsInBilling(String uniqueId, String channel) {
        ChannelRef ch = new ChannelRef(uniqueId, channel, uniqueId);
        event(new PbxEvent.ChannelCreated(time.now(), ch, null, null, "cti-hold", "5551006"));
        event(new PbxEvent.VariableSet(time.now(), ch, "CTI_QUEUE", "billing"));
        event(new PbxEvent.DialplanStep(time.now(), ch, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
    }

    @Test
    void aHeldAgentIsOneCampaignsAndTheInboundRouterPassesThemByUntilReleased() {
        annReady();
        assertThat(ann().free()).isTrue();

        assertThat(outbound.reserve("2001", 7)).isTrue();
        assertThat(outbound.reserve("2001", 8)).as("another campaign").isFalse();
        assertThat(done(acd.status("2001")).orElseThrow().reason()).isEqualTo("campaign 7");
        assertThat(state()).isEqualTo(AgentState.RESERVED);
        assertThat(pbx.actions).contains("originate Local/2001@agents -> cti-nailed");
        time.advance(OutboundSnapshot.REBUILD_SPACING);
        assertThat(ann().heldBy()).isEqualTo(7L);

        callerWaitsInBilling();
        assertThat(done(acd.waitingCalls())).hasSize(1);
        assertThat(state()).isEqualTo(AgentState.RESERVED);

        outbound.release("2001", 7);
        assertThat(state()).as("offered the waiting caller at once").isEqualTo(AgentState.RINGING);
        assertThat(done(acd.waitingCalls())).isEmpty();
    }

    @Test
    void anAgentGoingReadyWhileACallerWaitsInTheirQueueIsNeverFreeForOutbound() {
        done(acd.login("2001"));
        callerWaitsInBilling();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        outbound.onChange(() -> outbound.snapshot().stream().filter(m -> m.agentId().equals("2001"))
            .forEach(m -> seen.add(m.free())));

        done(acd.ready("2001"));
        time.advance(OutboundSnapshot.REBUILD_SPACING);

        assertThat(seen).isNotEmpty().doesNotContain(true);
        assertThat(outbound.reserve("2001", 7)).isFalse();
        assertThat(state()).isEqualTo(AgentState.RINGING);
    }

    @Test
    void aLiveAnswerIsBridgedOverTheNailedLegAndEndsInWrapUpWithAnOutboundHistoryRow() {
        annReady();
        outbound.reserve("2001", 7);
        pbx.answer(pbx.lastReference(), new PbxEvent.OriginateCompleted(time.now(), pbx.lastReference(), true, 4, "200.1",
            "Local/2001@agents-00000002;1"));
        AtomicReference<String> told = new AtomicReference<>();
        OutboundAgents.CallListener listener = new OutboundAgents.CallListener() {
            @Override
            public void agentConnected() {
                told.set("on the line");
            }

            @Override
            public void agentHungUp() {
                told.set("agent hung up");
            }

            @Override
            public void notConnected(String why) {
                told.set(why);
            }
        };

        outbound.connect(7, "2001", "300.1", "Local/+12025550111@cti-outbound-00000003;1", "+12025550111", listener);

        assertThat(pbx.actions).contains("bridge Local/+12025550111@cti-outbound-00000003;1 + Local/2001@agents-00000002;1");
        assertThat(state()).isEqualTo(AgentState.ON_CALL);
        assertThat(told.get()).isEqualTo("on the line");
        told.set(null);
        time.advance(Duration.ofSeconds(40));
        event(new PbxEvent.ChannelHungUp(time.now(), new ChannelRef("300.1", "Local/+12025550111@cti-outbound-00000003;1", "300.1"),
            16, "Normal Clearing"));

        assertThat(state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(pbx.actions).as("the nailed leg stays up for the next call").doesNotContain("hangup Local/2001@agents-00000002;1");
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("outbound");
            assertThat(r.agentId()).isEqualTo("2001");
            assertThat(r.callId()).isEqualTo(OutboundAgents.callId("300.1"));
        });
        assertThat(told.get()).isNull();
        outbound.release("2001", 7);
        assertThat(outbound.reserve("2001", 7)).as("in wrap-up: not free").isFalse();
    }

    @Test
    void aLiveAnswerForAnAgentTheCampaignDoesNotHoldIsNotConnected() {
        annReady();
        outbound.release("2001", 7);
        AtomicReference<String> told = new AtomicReference<>();
        outbound.connect(7, "2001", "300.2", "Local/+12025550112@cti-outbound-00000004;1", "+12025550112",
            new OutboundAgents.CallListener() {
                @Override
                public void agentConnected() {
                    told.set("on the line");
                }

                @Override
                public void agentHungUp() {
                    told.set("agent hung up");
                }

                @Override
                public void notConnected(String why) {
                    told.set(why);
                }
            });
        assertThat(told.get()).isEqualTo("agent 2001 is ready");
        assertThat(pbx.actions).noneMatch(a -> a.startsWith("bridge"));
    }

    /** Ann works campaign 7 with her nailed-up leg answered, then the campaign lets her go: READY, the leg still up. */
    private void nailedUpAndReleased() {
        annReady();
        outbound.reserve("2001", 7);
        pbx.answer(pbx.lastReference(), new PbxEvent.OriginateCompleted(time.now(), pbx.lastReference(), true, 4, "200.1",
            NAILED));
        outbound.release("2001", 7);
        assertThat(state()).isEqualTo(AgentState.READY);
        pbx.actions.clear();
        desktop.clear();
    }

    private static final String NAILED = "Local/2001@agents-00000002;1";

    @Test
    void anInboundCallerForAnAgentOnANailedUpLegIsBridgedWithItNotRungAgainAndTheLegOutlivesTheCall() {
        nailedUpAndReleased();

        callerWaitsInBilling();

        assertThat(pbx.actions).as("her phone is off-hook on the nailed leg: nothing rings")
            .noneMatch(a -> a.startsWith("originate"))
            .containsExactly("bridge Local/5551006@cti-hold-00000001;2 + " + NAILED);
        assertThat(state()).isEqualTo(AgentState.ON_CALL);
        assertThat(desktop).extracting(e -> e.getClass().getSimpleName()).containsSubsequence("CallOffered", "ScreenPopped",
            "CallConnected");

        time.advance(Duration.ofSeconds(30));
        event(new PbxEvent.ChannelHungUp(time.now(), new ChannelRef("100.1", "Local/5551006@cti-hold-00000001;2", "100.1"), 16,
            "Normal Clearing"));

        assertThat(state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(pbx.actions).as("the nailed leg stays up for the next call").doesNotContain("hangup " + NAILED);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.key()).as("keyed by the caller and the nailed leg").isEqualTo("100.1/200.1");
            assertThat(r.agentId()).isEqualTo("2001");
            assertThat(r.outcome()).isEqualTo("answered");
        });
        time.advance(Duration.ofSeconds(10));
        assertThat(state()).as("wrap-up over").isEqualTo(AgentState.READY);

        callerWaitsInBilling("100.2", "Local/5551007@cti-hold-00000003;2");
        assertThat(pbx.actions).as("the next caller meets the same leg").contains("bridge Local/5551007@cti-hold-00000003;2 + " + NAILED)
            .noneMatch(a -> a.startsWith("originate"));
    }

    @Test
    void aCallerOnANailedLegPutOnHoldLeavesTheLegInItsOwnLoopAndTheAgentHangingUpEndsTheCall() {
        nailedUpAndReleased();
        callerWaitsInBilling();

        done(acd.hold("2001"));
        assertThat(pbx.actions).contains("redirect Local/5551006@cti-hold-00000001;2 -> " + AcdSettings.standard("billing").onHoldContext()
            + " + " + NAILED + " -> " + OutboundAgents.NAILED_CONTEXT);
        done(acd.resume("2001"));
        event(new PbxEvent.ChannelHungUp(time.now(), new ChannelRef("200.1", NAILED, "200.1"), 16, "Normal Clearing"));

        assertThat(state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(pbx.actions).contains("hangup Local/5551006@cti-hold-00000001;2");
        time.advance(Duration.ofSeconds(10));
        pbx.actions.clear();
        callerWaitsInBilling("100.2", "Local/5551007@cti-hold-00000003;2");
        assertThat(pbx.actions).as("the leg is gone: her phone is rung as before")
            .contains("originate Local/2001@agents -> " + AcdSettings.standard("billing").agentLegContext());
    }
}

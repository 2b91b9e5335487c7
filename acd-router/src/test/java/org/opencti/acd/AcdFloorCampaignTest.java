package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.FloorNodes.done;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;

/**
 * A campaign conversation (the dialer's answered customer bridged with an agent, {@link OutboundAgents}) outlives the floor
 * holder: mirrored when connected, adopted by the next holder, written once under the key the last holder would have used.
 */
class AcdFloorCampaignTest {
    private static final String NAILED = "Local/2001@agents-200.1;1";
    private static final ChannelRef CUSTOMER = new ChannelRef("300.1", "Local/+12025550111@cti-outbound-00000003;1", "300.1");
    private static final ChannelRef NAILED_LEG = new ChannelRef("200.1", NAILED, "200.1");

    private final FloorNodes floor = new FloorNodes();
    private final FloorNodes.Node a = floor.node("a");
    private final FloorNodes.Node b = floor.node("b");
    private final List<String> told = new ArrayList<>();

    private static AgentStatus status(FloorNodes.Node n, String agent) {
        return done(n.acd.status(agent)).orElseThrow();
    }

    private OutboundAgents.Member ann(FloorNodes.Node n) {
        floor.time.advance(OutboundSnapshot.REBUILD_SPACING);
        return n.outbound.snapshot().stream().filter(m -> m.agentId().equals("2001")).findFirst().orElseThrow();
    }

    private final OutboundAgents.CallListener runner = new OutboundAgents.CallListener() {
        @Override
        public void agentConnected() {
            told.add("connected");
        }

        @Override
        public void agentHungUp() {
            told.add("agent hung up");
        }

        @Override
        public void notConnected(String why) {
            told.add(why);
        }
    };

    /** Node a holds the floor; campaign 7 holds Ann. With {@code nailed} her nailed-up leg answers, else it is not answered. */
    private void annHeldForCampaign7(boolean nailed) {
        a.claim();
        a.ready("2001");
        assertThat(ann(a).free()).isTrue();
        assertThat(a.outbound.reserve("2001", 7)).isTrue();
        assertThat(floor.bookings.all()).containsEntry("2001", "campaign:7");
        String reference = a.pbx.lastReference();
        if (nailed) {
            a.pbx.answer(reference, new PbxEvent.OriginateCompleted(floor.time.now(), reference, true, 4, "200.1", NAILED));
        } else {
            a.pbx.fail(reference, 3);
        }
    }

    /** Node a leaves the floor (crashed: its lease runs out); b claims it with the PBX listing {@code live}. */
    private void aDiesAndBTakesOver(List<ChannelRef> live) {
        a.acd.leaveFloor();
        floor.time.advance(FloorNodes.TTL);
        live.forEach(ch -> b.pbx.live.add(FloorNodes.bridged(ch, ch == CUSTOMER ? "cti-outbound" : OutboundAgents.NAILED_CONTEXT)));
        b.claim();
    }

    /** Campaign 7's customer answers and node a connects them with Ann (held for the campaign). */
    private void customerAnswersForAnnOnA() {
        a.outbound.connect(7, "2001", CUSTOMER.uniqueId(), CUSTOMER.name(), "+12025550111", runner);
    }

    /** The leg is b's now: the next caller is bridged with it, her phone is not rung. */
    private void nextCallerMeetsTheNailedLegOnB(String uniqueId, String number) {
        ChannelRef next = floor.callerOnHold(uniqueId, number, a, b);
        assertThat(b.pbx.actions).contains("bridge " + next.name() + " + " + NAILED).noneMatch(x -> x.startsWith("originate"));
    }

    @Test
    void aCampaignConversationOnANailedLegIsAdoptedAndItsHangupWritesOneOutboundRowAndWrapsUp() {
        annHeldForCampaign7(true);
        customerAnswersForAnnOnA();
        Instant answeredAt = floor.time.now();
        assertThat(status(a, "2001").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(floor.liveCalls.all()).singleElement().satisfies(stored -> {
            assertThat(stored.stage()).isEqualTo(LiveCall.Stage.CONNECTED);
            assertThat(stored.callId()).isEqualTo("o-300.1");
            assertThat(stored.campaignId()).isEqualTo(7L);
            assertThat(stored.agentId()).isEqualTo("2001");
            assertThat(stored.agentLegUniqueId()).isEqualTo("200.1");
            assertThat(stored.data()).containsEntry("nailedLeg", "true");
        });

        floor.time.advance(Duration.ofSeconds(30));
        aDiesAndBTakesOver(List.of(CUSTOMER, NAILED_LEG));

        AgentStatus onB = status(b, "2001");
        assertThat(onB.state()).isEqualTo(AgentState.ON_CALL);
        assertThat(onB.reason()).isEqualTo("campaign 7");
        assertThat(onB.callId()).isEqualTo("o-300.1");
        assertThat(floor.bookings.all()).containsExactlyEntriesOf(Map.of("2001", "campaign:7"));
        assertThat(ann(b).heldBy()).as("the campaign's hold is restored").isEqualTo(7L);
        assertThat(b.outbound.reserve("2001", 8)).isFalse();
        assertThat(floor.history).isEmpty();
        assertThat(b.pbx.actions).as("the conversation goes on untouched").isEmpty();

        floor.time.advance(Duration.ofSeconds(20));
        floor.hangup(CUSTOMER, a, b);

        assertThat(floor.history).singleElement().satisfies(row -> {
            assertThat(row.key()).as("what the last holder would have written").isEqualTo("outbound:300.1/200.1");
            assertThat(row.callId()).isEqualTo("o-300.1");
            assertThat(row.channel()).isEqualTo("outbound");
            assertThat(row.outcome()).isEqualTo("answered");
            assertThat(row.agentId()).isEqualTo("2001");
            assertThat(row.answeredAt()).isEqualTo(answeredAt);
            assertThat(row.endedAt()).isEqualTo(floor.time.now());
        });
        assertThat(b.pushed).anyMatch(e -> e instanceof DesktopEvent.CallEnded end && end.callId().equals("o-300.1")
            && end.outcome().equals("customer hung up"));
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(b.pbx.actions).as("the nailed leg loops back for the next call").doesNotContain("hangup " + NAILED);
        assertThat(a.pbx.actions).noneMatch(x -> x.startsWith("hangup"));
        assertThat(floor.liveCalls.all()).as("forgotten once its row is stored").isEmpty();
        assertThat(told).as("the runner on the dead holder hears nothing").containsExactly("connected");
        assertThat(ann(b).heldBy()).as("no runner here holds her: the hold ends with the call").isNull();

        floor.time.advance(FloorNodes.WRAP);
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
        assertThat(floor.bookings.all()).isEmpty();
        assertThat(ann(b).free()).isTrue();
        assertThat(floor.history).hasSize(1);

        nextCallerMeetsTheNailedLegOnB("100.1", "+15551230001");
    }

    @Test
    void anAdoptedCampaignConversationTheAgentEndsHangsUpTheCustomerAndWritesOneRow() {
        annHeldForCampaign7(true);
        customerAnswersForAnnOnA();
        aDiesAndBTakesOver(List.of(CUSTOMER, NAILED_LEG));

        floor.hangup(NAILED_LEG, a, b);

        assertThat(b.pbx.actions).containsExactly("hangup " + CUSTOMER.name());
        assertThat(floor.history).singleElement().satisfies(row -> assertThat(row.key()).isEqualTo("outbound:300.1/200.1"));
        assertThat(b.pushed).anyMatch(e -> e instanceof DesktopEvent.CallEnded end && end.outcome().equals("agent hung up"));
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.WRAP_UP);

        floor.time.advance(FloorNodes.WRAP);
        ChannelRef caller = floor.callerOnHold("100.1", "+15551230001", a, b);
        assertThat(b.pbx.actions).as("her nailed leg is gone: her phone is rung")
            .contains("originate Local/2001@agents -> agent-leg").doesNotContain("bridge " + caller.name() + " + " + NAILED);
    }

    @Test
    void aCampaignConversationThatEndedWhileNobodyHeldTheFloorIsWrittenOnceAndItsAgentWrapsUp() {
        annHeldForCampaign7(false);
        customerAnswersForAnnOnA();
        String leg = "Local/2001@agents-200.5;1";
        a.pbx.answer(a.pbx.lastReference(), new PbxEvent.OriginateCompleted(floor.time.now(), a.pbx.lastReference(), true, 4,
            "200.5", leg));
        Instant answeredAt = floor.time.now();
        assertThat(status(a, "2001").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(floor.liveCalls.all()).singleElement().satisfies(stored -> {
            assertThat(stored.campaignId()).isEqualTo(7L);
            assertThat(stored.data()).doesNotContainKey("nailedLeg");
        });
        floor.time.advance(Duration.ofSeconds(30));
        a.acd.leaveFloor();
        // the customer hangs up in the gap: the dead holder cannot write it (nor forget the stored call), the standby routes nothing
        floor.hangup(CUSTOMER, a, b);
        floor.time.advance(FloorNodes.TTL);
        assertThat(floor.history).isEmpty();
        assertThat(floor.liveCalls.all()).hasSize(1);

        b.pbx.live.add(FloorNodes.bridged(new ChannelRef("200.5", leg, "200.5"), "agent-leg"));
        b.claim();

        assertThat(floor.history).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("outbound:300.1/200.5");
            assertThat(row.callId()).isEqualTo("o-300.1");
            assertThat(row.channel()).isEqualTo("outbound");
            assertThat(row.agentId()).isEqualTo("2001");
            assertThat(row.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(b.pushed).anyMatch(e -> e instanceof DesktopEvent.CallEnded end && end.callId().equals("o-300.1"));
        assertThat(b.pbx.actions).as("her phone's leg, alone now, is hung up").containsExactly("hangup " + leg);
        assertThat(floor.liveCalls.all()).isEmpty();
        floor.time.advance(FloorNodes.WRAP);
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
        assertThat(floor.bookings.all()).isEmpty();
        assertThat(ann(b).free()).isTrue();
        assertThat(floor.history).hasSize(1);
    }

    @Test
    void aCampaignConversationWhoseRowDiedWithTheHolderIsWrittenByTheNextHolderUnderTheOutboundKey() {
        annHeldForCampaign7(true);
        customerAnswersForAnnOnA();
        LiveCall connected = floor.liveCalls.all().get(0);
        a.acd.leaveFloor();
        // killed in the instant the call ended: Ann already wrapping up in the shared store, the row gone with the holder
        floor.agentStates.put(new AgentStatus("2001", AgentState.WRAP_UP, null, floor.time.now(), null));
        floor.time.advance(FloorNodes.TTL);

        b.claim();

        assertThat(floor.history).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("outbound:300.1/200.1");
            assertThat(row.channel()).isEqualTo("outbound");
            assertThat(row.answeredAt()).isEqualTo(connected.answeredAt());
        });
        assertThat(floor.liveCalls.all()).as("forgotten once written").isEmpty();
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aQueueCallOnTheAgentsNailedLegIsAdoptedWithTheLegWhichOutlivesTheCallOnTheNewHolder() {
        annHeldForCampaign7(true);
        a.outbound.release("2001", 7);
        assertThat(status(a, "2001").state()).isEqualTo(AgentState.READY);
        ChannelRef caller = floor.callerOnHold("100.1", "+15551230001", a, b);
        assertThat(a.pbx.actions).contains("bridge " + caller.name() + " + " + NAILED);
        assertThat(floor.liveCalls.all()).singleElement().satisfies(stored -> {
            assertThat(stored.campaignId()).as("a queue call").isNull();
            assertThat(stored.data()).containsEntry("nailedLeg", "true");
        });

        a.acd.leaveFloor();
        floor.time.advance(FloorNodes.TTL);
        b.pbx.live.addAll(List.of(FloorNodes.bridged(caller, "cti-hold"), FloorNodes.bridged(NAILED_LEG, OutboundAgents.NAILED_CONTEXT)));
        b.claim();
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.ON_CALL);
        floor.hangup(caller, a, b);

        assertThat(floor.history).singleElement().satisfies(row -> assertThat(row.key()).isEqualTo("100.1/200.1"));
        assertThat(b.pbx.actions).as("the nailed leg loops back to its Wait").doesNotContain("hangup " + NAILED);
        floor.time.advance(FloorNodes.WRAP);
        nextCallerMeetsTheNailedLegOnB("100.2", "+15551230002");
    }

    @Test
    void aHolderWhoseStoreLostItsCallsWritesItsCampaignConversationBack() {
        annHeldForCampaign7(true);
        customerAnswersForAnnOnA();
        LiveCall stored = floor.liveCalls.all().get(0);
        floor.liveCalls.remove(stored.callId()); // Redis restarted empty
        floor.floor.release("a");

        done(a.acd.keepFloorUnder(floor.floor.claim("a", "http://a", FloorNodes.TTL).orElseThrow()));

        assertThat(floor.liveCalls.all()).containsExactly(stored);
    }

    @Test
    void aNailedLegAnsweredAfterTheHolderLeftTheFloorIsHungUpNotLeftWaitingForever() {
        a.claim();
        a.ready("2001");
        assertThat(ann(a).free()).isTrue();
        assertThat(a.outbound.reserve("2001", 7)).isTrue();
        String reference = a.pbx.lastReference();
        a.acd.leaveFloor();

        a.pbx.answer(reference, new PbxEvent.OriginateCompleted(floor.time.now(), reference, true, 4, "200.1", NAILED));

        assertThat(a.pbx.actions).as("the next holder knows nothing of it").endsWith("hangup " + NAILED);
    }
}

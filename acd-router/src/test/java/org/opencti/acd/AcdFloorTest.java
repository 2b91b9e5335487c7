package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencti.acd.FloorNodes.done;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;

/** Two ACDs over one PBX event stream and one shared state: standby, takeover, bookings and the live call mirror. */
class AcdFloorTest {
    private final FloorNodes floor = new FloorNodes();

    private static AgentStatus status(FloorNodes.Node n, String agent) {
        return done(n.acd.status(agent)).orElseThrow();
    }

    private void answer(FloorNodes.Node n, String reference, String legUid) {
        answer(n, n.pbx.originates.get(reference), legUid);
    }

    private void answer(FloorNodes.Node n, OriginateRequest r, String legUid) {
        String reference = r.reference();
        String agent = r.variables().get("CTI_AGENT");
        n.pbx.answer(reference, new PbxEvent.OriginateCompleted(floor.time.now(), reference, true, 4, legUid,
            "Local/" + agent + "@agents-" + legUid + ";1"));
    }

    /** a holds the floor and Ann (2001) answers caller 100.1 there, on agent leg 100.9; b follows as a standby. */
    private ChannelRef annTalksOnA(FloorNodes.Node a, FloorNodes.Node b) {
        a.claim();
        a.ready("2001");
        ChannelRef caller = floor.callerOnHold("100.1", "+15551230001", a, b);
        answer(a, a.pbx.lastReference(), "100.9");
        return caller;
    }

    @Test
    void aStandbyFollowsTheChannelsButStartsNothingAndRefusesAgents() {
        FloorNodes.Node standby = floor.node("b");

        ChannelRef caller = floor.callerOnHold("100.1", "+15551230001", standby);

        assertThat(standby.acd.holdsFloor()).isFalse();
        assertThat(standby.pbx.actions).isEmpty();
        assertThat(done(standby.acd.liveCallCount())).isZero();
        assertThat(floor.liveCalls.all()).isEmpty();
        assertThatThrownBy(() -> done(standby.acd.login("2001"))).isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("this node does not hold the floor");
        assertThat(floor.agentStates.all()).isEmpty();

        // It takes the floor: the caller it only followed is queued (the PBX lists them on hold) and routed.
        standby.pbx.live.add(FloorNodes.waitingInHold(caller, "+15551230001"));
        standby.claim();
        standby.ready("2001");
        assertThat(standby.offeredCalls("2001")).containsExactly("c-100.1");
    }

    @Test
    void takeoverPutsWaitingCallersBackInTheirPlaceAndWritesThoseWhoHungUpMeanwhileAsAbandoned() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        a.claim();
        Instant t0 = floor.time.now();
        ChannelRef first = floor.callerOnHold("100.1", "+15551230001", a, b);
        floor.time.advance(Duration.ofSeconds(5));
        ChannelRef second = floor.callerOnHold("100.2", "+15551230002", a, b);
        floor.time.advance(Duration.ofSeconds(5));
        ChannelRef third = floor.callerOnHold("100.3", "+15551230003", a, b);
        assertThat(floor.liveCalls.all()).extracting(LiveCall::stage).containsOnly(LiveCall.Stage.WAITING).hasSize(3);
        // the last holder died before it could forget a caller who hung up
        LiveCall gone = floor.liveCalls.all().get(0);
        floor.liveCalls.put(new LiveCall("c-99.9", LiveCall.Stage.WAITING, "billing", "99.9", "Local/x@cti-hold-99.9;2", "99.9",
            "+15551239999", null, t0.minusSeconds(30), null, null, null, null, gone.data()));

        a.acd.leaveFloor();
        floor.time.advance(FloorNodes.TTL);
        ChannelRef fourth = floor.callerOnHold("100.4", "+15551230004", a, b); // nobody holds the floor: nobody queues them
        assertThat(a.pbx.actions).isEmpty();
        b.pbx.live.addAll(List.of(FloorNodes.waitingInHold(third, "+15551230003"), FloorNodes.waitingInHold(first, "+15551230001"),
            FloorNodes.waitingInHold(second, "+15551230002"), FloorNodes.waitingInHold(fourth, "+15551230004")));
        Instant takeover = floor.time.now();
        assertThat(b.claim().epoch()).isEqualTo(2);

        assertThat(done(b.acd.waitingCalls())).extracting(WaitingCall::callId, WaitingCall::waitingSince).containsExactly(
            tuple("c-100.1", t0), tuple("c-100.2", t0.plusSeconds(5)),
            tuple("c-100.3", t0.plusSeconds(10)), tuple("c-100.4", takeover));
        assertThat(floor.liveCalls.all()).extracting(LiveCall::callId)
            .containsExactlyInAnyOrder("c-100.1", "c-100.2", "c-100.3", "c-100.4");
        assertThat(floor.history).as("the caller who hung up while nobody held the floor still has their row").singleElement()
            .satisfies(r -> {
                assertThat(r.key()).isEqualTo("99.9");
                assertThat(r.outcome()).isEqualTo("abandoned");
            });
        b.ready("2001");
        assertThat(b.offeredCalls("2001")).containsExactly("c-100.1");
        assertThat(a.pushed).noneMatch(e -> e instanceof DesktopEvent.CallOffered);
    }

    @Test
    void aCallerWhoReachesTheHoldContextWhileTheTakeoverWaitsForThePbxListIsQueuedThoughTheListShowsThemInTheIvr() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        a.claim();
        ChannelRef caller = new ChannelRef("100.7", "PJSIP/trunk-00000007", "100.7");
        floor.emit(new PbxEvent.ChannelCreated(floor.time.now(), caller, "+15551230007", "Jane Doe", "cti-ivr", "5000"), a, b);
        a.acd.leaveFloor();
        floor.time.advance(FloorNodes.TTL);

        b.pbx.slowList = new CompletableFuture<>();
        FloorLease.Tenure tenure = floor.floor.claim("b", "http://b", FloorNodes.TTL).orElseThrow();
        CompletionStage<Void> taking = b.acd.takeFloor(tenure);
        // the caller leaves the IVR for the hold context while the PBX's list is on its way, and the list predates that
        floor.emit(new PbxEvent.VariableSet(floor.time.now(), caller, "CTI_QUEUE", "billing"), a, b);
        floor.emit(new PbxEvent.DialplanStep(floor.time.now(), caller, "cti-hold", "s", 1, "NoOp", "+15551230007", "Jane Doe"), a, b);
        b.pbx.slowList.complete(List.of(new LiveChannel(caller, ChannelState.UP, "+15551230007", "Jane Doe", "cti-ivr", "5000",
            "AGI", null)));
        done(taking);

        assertThat(done(b.acd.waitingCalls())).extracting(WaitingCall::callId).containsExactly("c-100.7");
        b.ready("2001");
        assertThat(b.offeredCalls("2001")).containsExactly("c-100.7");
    }

    @Test
    void aConnectedCallIsAdoptedAndItsHangupWritesOneInteractionAndWrapsUp() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        ChannelRef caller = annTalksOnA(a, b);
        Instant answeredAt = floor.time.now();
        assertThat(status(a, "2001").state()).isEqualTo(AgentState.ON_CALL);
        LiveCall stored = floor.liveCalls.all().get(0);
        assertThat(stored.stage()).isEqualTo(LiveCall.Stage.CONNECTED);
        assertThat(stored.agentLegUniqueId()).isEqualTo("100.9");
        assertThat(floor.bookings.all()).containsEntry("2001", "call:c-100.1");

        floor.time.advance(Duration.ofSeconds(30));
        a.acd.leaveFloor();
        floor.time.advance(FloorNodes.TTL);
        ChannelRef leg = new ChannelRef("100.9", "Local/2001@agents-100.9;1", "100.1");
        b.pbx.live.addAll(List.of(FloorNodes.bridged(caller, "cti-hold"), FloorNodes.bridged(leg, "agent-leg")));
        b.claim();

        assertThat(status(b, "2001").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(status(b, "2001").callId()).isEqualTo("c-100.1");
        assertThat(floor.bookings.all()).containsExactlyEntriesOf(Map.of("2001", "call:c-100.1"));
        assertThat(floor.history).isEmpty();

        floor.hangup(caller, a, b);

        assertThat(b.pbx.actions).contains("hangup Local/2001@agents-100.9;1");
        assertThat(a.pbx.actions).doesNotContain("hangup Local/2001@agents-100.9;1");
        assertThat(floor.history).hasSize(1);
        InteractionRecord row = floor.history.get(0);
        assertThat(row.key()).isEqualTo("100.1/100.9"); // what the last holder would have written
        assertThat(row.outcome()).isEqualTo("answered");
        assertThat(row.agentId()).isEqualTo("2001");
        assertThat(row.answeredAt()).isEqualTo(answeredAt);
        assertThat(b.pushed).anyMatch(e -> e instanceof DesktopEvent.CallEnded end && end.callId().equals("c-100.1"));
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(floor.liveCalls.all()).isEmpty();

        floor.time.advance(FloorNodes.WRAP);
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
        assertThat(floor.agentStates.get("2001").orElseThrow().state()).isEqualTo(AgentState.READY);
        assertThat(floor.bookings.all()).isEmpty();
        assertThat(floor.history).hasSize(1);
    }

    @Test
    void aConversationThatEndedWhileNobodyHeldTheFloorIsWrittenOnceAndItsAgentWrapsUp() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        ChannelRef caller = annTalksOnA(a, b);
        Instant answeredAt = floor.time.now();
        floor.time.advance(Duration.ofSeconds(30));
        a.acd.leaveFloor();
        floor.hangup(caller, a, b); // the caller hangs up in the gap: the dead holder cannot write it, the standby routes nothing
        floor.time.advance(FloorNodes.TTL);
        assertThat(floor.history).isEmpty();

        b.claim();

        assertThat(floor.history).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("100.1/100.9");
            assertThat(row.outcome()).isEqualTo("answered");
            assertThat(row.agentId()).isEqualTo("2001");
            assertThat(row.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(b.pushed).anyMatch(e -> e instanceof DesktopEvent.CallEnded end && end.callId().equals("c-100.1"));
        floor.time.advance(FloorNodes.WRAP);
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
        assertThat(floor.liveCalls.all()).isEmpty();
        assertThat(floor.bookings.all()).isEmpty();
    }

    @Test
    void aConversationWhoseRowDiedWithTheHolderIsWrittenByTheNextHolder() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        annTalksOnA(a, b);
        LiveCall connected = floor.liveCalls.all().get(0);
        a.acd.leaveFloor();
        // what a holder killed in the instant the call ended leaves: the agent already wrapping up in the shared store, the
        // row still in its write-behind buffer (gone with it), so the stored call was not forgotten
        floor.agentStates.put(new AgentStatus("2001", AgentState.WRAP_UP, null, floor.time.now(), null));
        floor.history.clear();
        floor.time.advance(FloorNodes.TTL);

        b.claim();

        assertThat(floor.history).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("100.1/100.9");
            assertThat(row.outcome()).isEqualTo("answered");
            assertThat(row.agentId()).isEqualTo("2001");
            assertThat(row.answeredAt()).isEqualTo(connected.answeredAt());
        });
        assertThat(floor.liveCalls.all()).as("forgotten once written").isEmpty();
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aNodeWithAStaleEpochCannotBookTheAgentAndLeavesTheFloorWhileTheCallGoesOn() {
        FloorNodes.Node a = floor.node("a");
        FloorNodes.Node b = floor.node("b");
        a.claim();
        a.ready("2001");
        // a pauses: its lease runs out and b takes the floor, while a still believes it holds it
        floor.time.advance(FloorNodes.TTL);
        assertThat(b.claim().epoch()).isEqualTo(2);
        assertThat(a.acd.holdsFloor()).isTrue();
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.READY);

        floor.callerOnHold("100.1", "+15551230001", b, a);

        assertThat(b.offeredCalls("2001")).containsExactly("c-100.1");
        assertThat(b.pbx.actions).containsExactly("originate Local/2001@agents -> agent-leg");
        assertThat(a.offeredCalls("2001")).isEmpty();
        assertThat(a.pbx.actions).isEmpty();
        assertThat(a.acd.holdsFloor()).isFalse();
        assertThat(floor.bookings.refusals).isEqualTo(1);
        assertThat(floor.bookings.all()).containsEntry("2001", "call:c-100.1");
        assertThatThrownBy(() -> done(a.acd.ready("2002"))).hasCauseInstanceOf(IllegalStateException.class);

        answer(b, b.pbx.lastReference(), "100.9");
        assertThat(status(b, "2001").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(floor.agentStates.get("2001").orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void underABurstNoAgentIsBookedTwiceAndEverythingIsFreedAfterTheCalls() {
        Queue<Runnable> line = new ArrayDeque<>();
        FloorNodes.Node a = floor.new Node("a", line::add);
        Runnable drain = () -> {
            while (!line.isEmpty()) {
                line.poll().run();
            }
        };
        a.claim();
        drain.run();
        for (String agent : List.of("2001", "2002", "2003")) {
            a.ready(agent);
        }
        ChannelRef[] callers = new ChannelRef[6];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = floor.callerOnHold("100." + (i + 1), "+1555123000" + (i + 1), a);
        }
        // Reserved here at once, but nobody is offered or rung before their booking is back.
        assertThat(List.of("2001", "2002", "2003")).allMatch(agent -> status(a, agent).state() == AgentState.RESERVED);
        assertThat(a.pbx.actions).isEmpty();
        assertThat(a.pushed).noneMatch(e -> e instanceof DesktopEvent.CallOffered);
        String firstCall = status(a, "2001").callId();
        floor.hangup(callers[Integer.parseInt(firstCall.substring("c-100.".length())) - 1], a); // gone before the booking is back
        String nextCall = status(a, "2001").callId();
        assertThat(nextCall).isNotEqualTo(firstCall);
        drain.run();
        assertThat(a.offeredCalls("2001")).containsExactly(nextCall);
        assertThat(a.pbx.originates).hasSize(3);

        int leg = 0;
        while (!a.pbx.originates.isEmpty()) {
            List<OriginateRequest> ringing = List.copyOf(a.pbx.originates.values());
            a.pbx.originates.clear();
            for (OriginateRequest r : ringing) {
                answer(a, r, "200." + (++leg));
            }
            drain.run();
            for (OriginateRequest r : ringing) { // the conversations end; the callers still waiting stay
                floor.hangup(callers[Integer.parseInt(r.variables().get("CTI_CALL_ID").substring("c-100.".length())) - 1], a);
            }
            floor.time.advance(FloorNodes.WRAP);
            drain.run();
        }

        assertThat(floor.bookings.doubleBooked).isEmpty();
        assertThat(floor.bookings.refusals).isZero();
        assertThat(floor.bookings.booked).isEqualTo(6); // the five conversations and the offer the first caller left
        assertThat(floor.history).hasSize(6);
        assertThat(floor.history).filteredOn(r -> r.outcome().equals("answered")).hasSize(5);
        assertThat(floor.bookings.all()).isEmpty();
        assertThat(floor.liveCalls.all()).isEmpty();
        assertThat(done(a.acd.liveCallCount())).isZero();
    }

    @Test
    void whileTheStoreIsUnreachableTheHolderOffersUnconfirmedAndBooksAgainWhenItWritesTheFloorBack() {
        Queue<Runnable> line = new ArrayDeque<>();
        FloorNodes.Node a = floor.new Node("a", line::add);
        Runnable drain = () -> {
            while (!line.isEmpty()) {
                line.poll().run();
            }
        };
        a.claim();
        drain.run();
        a.ready("2001");
        a.ready("2002");
        drain.run();
        floor.bookings.down = true;

        floor.callerOnHold("100.1", "+15551230001", a);
        assertThat(a.pbx.actions).as("the first booking waits for the store").isEmpty();
        drain.run(); // it times out: nobody else can reach the store to take the floor, so the offer goes on
        assertThat(a.offeredCalls("2001")).containsExactly("c-100.1");
        assertThat(a.pbx.actions).containsExactly("originate Local/2001@agents -> agent-leg");
        floor.callerOnHold("100.2", "+15551230002", a);
        assertThat(a.offeredCalls("2002")).as("the next offer does not wait for the store again").containsExactly("c-100.2");
        assertThat(a.pbx.actions).hasSize(2);
        drain.run();
        assertThat(a.acd.holdsFloor()).isTrue();
        assertThat(floor.bookings.all()).isEmpty();

        // the store is back, empty: the node claims the floor again (a new epoch) and writes back what it knows
        floor.bookings.down = false;
        floor.floor.release("a");
        var tenure = floor.floor.claim("a", "http://a", FloorNodes.TTL).orElseThrow();
        done(a.acd.keepFloorUnder(tenure));
        drain.run();
        assertThat(floor.bookings.all()).containsEntry("2001", "call:c-100.1").containsEntry("2002", "call:c-100.2");
        answer(a, a.pbx.lastReference(), "200.2");
        assertThat(status(a, "2002").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(floor.bookings.doubleBooked).isEmpty();
        a.ready("2003");
        drain.run();
        floor.callerOnHold("100.3", "+15551230003", a);
        assertThat(status(a, "2003").state()).isEqualTo(AgentState.RESERVED);
        assertThat(a.offeredCalls("2003")).as("with the store back, offers wait for their booking again").isEmpty();
        drain.run();
        assertThat(a.offeredCalls("2003")).containsExactly("c-100.3");
        assertThat(a.pbx.actions).contains("originate Local/2003@agents -> agent-leg");
    }
}

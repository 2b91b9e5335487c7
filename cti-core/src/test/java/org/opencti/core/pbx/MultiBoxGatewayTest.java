package org.opencti.core.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyMode;
import org.opencti.core.port.SpyRequest;

class MultiBoxGatewayTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    /** What both boxes call their first agent leg after a restart. */
    private static final String LEG = "Local/2001@agents-00000000;1";

    private final FakeBox a = new FakeBox();
    private final FakeBox b = new FakeBox();
    private final List<PbxEvent> heard = new CopyOnWriteArrayList<>();
    private MultiBoxGateway gateway;

    @BeforeEach
    void setUp() {
        // Box b's phones are reached from the other boxes over an IAX2 trunk named after the calling box; box a's not at all.
        MultiBoxGateway.PhoneReach overTrunk = (from, phone) -> "IAX2/" + from + "-to-b/" + phone.substring(phone.indexOf('/') + 1);
        gateway = new MultiBoxGateway(List.of(new MultiBoxGateway.Box("a", a, null), new MultiBoxGateway.Box("b", b, overTrunk)),
            Map.of("PJSIP/2001", "a", "PJSIP/2002", "b", "PJSIP/3001", "a"));
        gateway.addListener(heard::add);
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    private static OriginateRequest ring(String phone) {
        return new OriginateRequest("c-1/1", phone, "agent-leg", "s", 1, null, Duration.ofSeconds(15), Map.of("CTI_AGENT", "2001"));
    }

    @Test
    void theSameChannelNameOnTwoBoxesReachesListenersAsTwoChannels() {
        ChannelRef leg = new ChannelRef("1795346158.0", LEG, "1795346158.0");
        a.emit(new PbxEvent.ChannelCreated(AT, leg, "2001", "", "agents", "2001"));
        b.emit(new PbxEvent.ChannelCreated(AT, leg, "2001", "", "agents", "2001"));

        assertThat(heard).extracting(e -> ((PbxEvent.OnChannel) e).channel()).containsExactly(
            new ChannelRef("a:1795346158.0", "a:" + LEG, "a:1795346158.0", "a"),
            new ChannelRef("b:1795346158.0", "b:" + LEG, "b:1795346158.0", "b"));
    }

    @Test
    void eachBoxsEventsArriveInThatBoxsOrderAndLinkEventsNameTheBox() {
        ChannelRef caller = new ChannelRef("1.1", "Local/100@cti-hold-00000001;2", "1.1");
        b.emit(new PbxEvent.PbxReady(AT, 5, false));
        b.emit(new PbxEvent.ChannelsResynced(AT, List.of(new LiveChannel(caller, ChannelState.UP, "100", "", "cti-hold", "s", "MusicOnHold",
            "")), false));
        b.emit(new PbxEvent.DialplanStep(AT, caller, "cti-hold", "s", 1, "NoOp", "100", ""));
        b.emit(new PbxEvent.PbxShutdown(AT, true));
        b.emit(new PbxEvent.PbxLinkLost(AT, "connection closed"));

        assertThat(heard).extracting(e -> e.getClass().getSimpleName())
            .containsExactly("PbxReady", "ChannelsResynced", "DialplanStep", "PbxShutdown", "PbxLinkLost");
        assertThat(((PbxEvent.PbxReady) heard.get(0)).box()).isEqualTo("b");
        PbxEvent.ChannelsResynced resynced = (PbxEvent.ChannelsResynced) heard.get(1);
        assertThat(resynced.box()).isEqualTo("b");
        assertThat(resynced.channels()).extracting(c -> c.channel().name()).containsExactly("b:Local/100@cti-hold-00000001;2");
        assertThat(((PbxEvent.PbxShutdown) heard.get(3)).box()).isEqualTo("b");
        assertThat(((PbxEvent.PbxLinkLost) heard.get(4)).box()).isEqualTo("b");
    }

    @Test
    void actionsGoToTheBoxThatOwnsTheChannelUnderItsOwnName() {
        done(gateway.hangup("b:" + LEG));
        done(gateway.setVariable("a:" + LEG, "CTI_QUEUE", "billing"));
        done(gateway.redirect("b:Local/100@cti-hold-00000001;2", "cti-announce", "s", 1));

        assertThat(a.actions).containsExactly("set " + LEG + " CTI_QUEUE=billing");
        assertThat(b.actions).containsExactly("hangup " + LEG, "redirect Local/100@cti-hold-00000001;2 cti-announce");
    }

    @Test
    void aChannelOfNoKnownBoxIsRefusedNamingIt() {
        assertThat(failure(gateway.hangup(LEG))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"" + LEG + "\" is not on any box of this node [a, b]");
        assertThat(failure(gateway.hangup("c:" + LEG))).hasMessageContaining("\"c:" + LEG + "\"");
        assertThat(a.actions).isEmpty();
        assertThat(b.actions).isEmpty();
    }

    @Test
    void aBridgeAcrossBoxesIsRefusedAndNothingIsSent() {
        Throwable refused = failure(gateway.bridge("a:Local/100@cti-hold-00000001;2", "b:" + LEG));

        assertThat(refused).isInstanceOf(CrossBoxException.class)
            .hasMessageContaining("cannot bridge a:Local/100@cti-hold-00000001;2 and b:" + LEG)
            .hasMessageContaining("two Asterisk boxes (a, b)");
        assertThat(failure(gateway.redirectBoth("a:X/1-1", "cti-onhold", "s", "b:Y/2-2", "agent-leg", "s")))
            .isInstanceOf(CrossBoxException.class);
        assertThat(a.actions).isEmpty();
        assertThat(b.actions).isEmpty();

        done(gateway.bridge("b:Local/100@cti-hold-00000001;2", "b:" + LEG));
        assertThat(b.actions).containsExactly("bridge Local/100@cti-hold-00000001;2 " + LEG);
    }

    @Test
    void aPhonesStateIsAskedOfItsHomeBox() {
        assertThat(done(gateway.phoneState("PJSIP/2002"))).isEqualTo(PhoneState.AVAILABLE);
        assertThat(done(gateway.phoneState("PJSIP/3001"))).isEqualTo(PhoneState.AVAILABLE);

        assertThat(b.actions).containsExactly("phoneState PJSIP/2002");
        assertThat(a.actions).containsExactly("phoneState PJSIP/3001");
        assertThat(gateway.homeBox("PJSIP/2002")).contains("b");
        assertThat(gateway.homeBox("PJSIP/9999")).isEmpty();
    }

    @Test
    void anAgentLegGoesToTheCallersBoxAndReachesAPhoneOnAnotherBoxThroughItsTrunk() {
        PbxEvent.OriginateCompleted answered = done(gateway.originate(ring("PJSIP/2002").sameBoxAs("a:Local/100@cti-hold-00000001;2")));

        assertThat(a.originates).singleElement().satisfies(r -> {
            assertThat(r.dialString()).isEqualTo("IAX2/a-to-b/2002");
            assertThat(r.sameBoxAs()).isNull();
            assertThat(r.variables()).containsEntry("CTI_AGENT", "2001");
        });
        assertThat(b.originates).isEmpty();
        // The new leg is named as the events will name it, so the bridge that follows finds it on box a.
        assertThat(answered.channelName()).isEqualTo("a:IAX2/a-to-b/2002-00000009;1");
        assertThat(answered.uniqueId()).isEqualTo("a:1700000000.9");
        assertThat(answered.reference()).isEqualTo("c-1/1");
    }

    @Test
    void aPhoneOnItsOwnBoxIsDialledAsConfiguredAndWithoutACallerOnItsHomeBox() {
        done(gateway.originate(ring("PJSIP/2001").sameBoxAs("a:Local/100@cti-hold-00000001;2")));
        done(gateway.originate(ring("PJSIP/2002")));

        assertThat(a.originates).extracting(OriginateRequest::dialString).containsExactly("PJSIP/2001");
        assertThat(b.originates).extracting(OriginateRequest::dialString).containsExactly("PJSIP/2002");
    }

    @Test
    void aPhoneWhoseBoxCannotBeReachedFromTheCallersBoxFailsTheOriginateSayingSo() {
        Throwable refused = failure(gateway.originate(ring("PJSIP/2001").sameBoxAs("b:Local/100@cti-hold-00000001;2")));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("phone PJSIP/2001 is on box a, which says no way to reach it from box b (no dialFromOtherBoxes)");
        assertThat(b.originates).isEmpty();
    }

    @Test
    void anOutsideNumberWithNoChannelToBeNearGoesToTheFirstBoxThatIsUp() {
        done(gateway.originate(ring("Local/5551234@cti-outbound")));
        assertThat(a.originates).hasSize(1); // nothing up yet: the first box

        a.emit(new PbxEvent.PbxLinkLost(AT, "connection closed"));
        b.emit(new PbxEvent.PbxReady(AT, 5, false));
        done(gateway.originate(ring("Local/5551234@cti-outbound")));

        assertThat(b.originates).extracting(OriginateRequest::dialString).containsExactly("Local/5551234@cti-outbound");
        assertThat(gateway.isUp("a")).isFalse();
        assertThat(gateway.isUp("b")).isTrue();
    }

    @Test
    void aSupervisorSpiesOnTheAgentsBoxReachingTheirPhoneThroughTheTrunk() {
        // Supervisor 3001's phone is on box a, whose phones no other box can reach: spying on a box-a leg rings it there; a
        // box-b leg can only be spied on from box b (ChanSpy runs where the channel is), so that is refused.
        SpyRequest onA = new SpyRequest("spy-1", "PJSIP/3001", "a:" + LEG, SpyMode.LISTEN, null, Duration.ofSeconds(20));
        PbxEvent.OriginateCompleted listening = done(gateway.spy(onA));

        assertThat(a.spies).singleElement().satisfies(s -> {
            assertThat(s.targetChannel()).isEqualTo(LEG);
            assertThat(s.supervisorDialString()).isEqualTo("PJSIP/3001");
        });
        assertThat(listening.channelName()).startsWith("a:PJSIP/3001");
        SpyRequest onB = new SpyRequest("spy-2", "PJSIP/3001", "b:" + LEG, SpyMode.WHISPER, null, Duration.ofSeconds(20));
        assertThat(failure(gateway.spy(onB))).hasMessageContaining("phone PJSIP/3001 is on box a");
        assertThat(b.spies).isEmpty();
    }

    @Test
    void liveChannelsAreTheUnionTaggedByBoxAndABoxThatCannotAnswerIsNamed() {
        ChannelRef leg = new ChannelRef("1795346158.0", LEG, "1795346158.0");
        a.live = List.of(new LiveChannel(leg, ChannelState.UP, "2001", "", "agent-leg", "s", "Wait", ""));
        b.live = List.of(new LiveChannel(leg, ChannelState.RINGING, "2001", "", "agent-leg", "s", "Wait", ""));

        assertThat(done(gateway.liveChannels())).extracting(c -> c.channel().name(), LiveChannel::state)
            .containsExactly(tuple("a:" + LEG, ChannelState.UP),
                tuple("b:" + LEG, ChannelState.RINGING));

        b.live = null;
        assertThat(failure(gateway.liveChannels())).isInstanceOf(IllegalStateException.class)
            .hasMessage("box b: CoreShowChannels: AMI link lost");
    }

    @Test
    void oneBoxLostLeavesTheOtherWorking() {
        gateway.start();
        a.emit(new PbxEvent.PbxReady(AT, 100, false));
        b.emit(new PbxEvent.PbxReady(AT, 100, false));
        a.emit(new PbxEvent.PbxLinkLost(AT, "no answer to Ping within 3000 ms"));
        ChannelRef caller = new ChannelRef("1.5", "Local/100@cti-hold-00000005;2", "1.5");
        b.emit(new PbxEvent.DialplanStep(AT, caller, "cti-hold", "s", 1, "NoOp", "100", ""));
        done(gateway.hangup("b:Local/100@cti-hold-00000005;2"));

        assertThat(a.started).isTrue();
        assertThat(b.started).isTrue();
        assertThat(heard.get(heard.size() - 1)).isInstanceOf(PbxEvent.DialplanStep.class)
            .extracting(e -> ((PbxEvent.DialplanStep) e).channel().box()).isEqualTo("b");
        assertThat(b.actions).containsExactly("hangup Local/100@cti-hold-00000005;2");
        assertThat(gateway.isUp("a")).isFalse();
        assertThat(gateway.isUp("b")).isTrue();
        gateway.close();
        assertThat(a.closed).isTrue();
        assertThat(b.closed).isTrue();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        gateway.addListener(e -> {
            throw new IllegalStateException("boom");
        });
        List<PbxEvent> after = new CopyOnWriteArrayList<>();
        gateway.addListener(after::add);
        a.emit(new PbxEvent.PbxReady(AT, 1, false));

        assertThat(after).hasSize(1);
    }

    @Test
    void boxesAndPhonesAreChecked() {
        assertThatThrownBy(() -> new MultiBoxGateway(List.of(new MultiBoxGateway.Box("a", a, null),
            new MultiBoxGateway.Box("a", b, null)), Map.of())).hasMessage("duplicate box \"a\"");
        assertThatThrownBy(() -> new MultiBoxGateway(List.of(new MultiBoxGateway.Box("a", a, null)), Map.of("PJSIP/1", "z")))
            .hasMessageContaining("phone PJSIP/1 is on box \"z\"");
        assertThatThrownBy(() -> new MultiBoxGateway.Box("a:b", a, null)).hasMessage("not a box name: \"a:b\"");
        assertThat(gateway.boxOf("b:" + LEG)).contains("b");
        assertThat(gateway.boxOf(LEG)).isEmpty();
    }
}

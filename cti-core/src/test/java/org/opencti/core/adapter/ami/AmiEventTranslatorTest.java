package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DtmfBeginEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;

/** Values are those of capture 02-inbound-ivr-queue-agent (and 06/08/09 where noted). */
class AmiEventTranslatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String CUSTOMER = "Local/5551000@inbound-00000000;1";
    private static final String CALLER = "Local/5551000@inbound-00000000;2";

    private final AmiEventTranslator translator = new AmiEventTranslator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void newchannelWithUnknownCallerIdAndMicrosecondTimestamp() {
        NewChannelEvent e = new NewChannelEvent(this);
        e.setTimestamp(1795346158.706422);
        e.setChannel(CUSTOMER);
        e.setChannelState(0);
        e.setChannelStateDesc("Down");
        e.setCallerIdNum("<unknown>");
        e.setCallerIdName("<unknown>");
        e.setContext("inbound");
        e.setExten("5551000");
        e.setPriority(1);
        e.setUniqueId("1795346158.0");
        e.setLinkedid("1795346158.0");

        assertThat(translator.translate(e)).isEqualTo(new PbxEvent.ChannelCreated(
            Instant.parse("2026-11-22T11:15:58.706422Z"), new ChannelRef("1795346158.0", CUSTOMER, "1795346158.0"),
            null, null, "inbound", "5551000"));
    }

    @Test
    void newstateRingOnTheSecondHalf() {
        NewStateEvent e = channelBean(new NewStateEvent(this), CALLER, "1795346158.1");
        e.setLinkedId("1795346158.0");
        e.setTimestamp(1795346158.707727);
        e.setChannelState(6);
        e.setChannelStateDesc("Up");

        PbxEvent.ChannelStateChanged changed = (PbxEvent.ChannelStateChanged) translator.translate(e);
        assertThat(changed.state()).isEqualTo(ChannelState.UP);
        assertThat(changed.channel()).isEqualTo(new ChannelRef("1795346158.1", CALLER, "1795346158.0"));
        assertThat(changed.at()).isEqualTo(Instant.parse("2026-11-22T11:15:58.707727Z"));
    }

    @Test
    void newextenCarriesExtensionApplicationAndSnapshotCallerId() {
        NewExtenEvent e = new NewExtenEvent(this);
        e.setTimestamp(1795346158.706689);
        e.setChannel(CUSTOMER);
        e.setUniqueId("1795346158.0");
        e.setLinkedId("1795346158.0");
        e.setContext("inbound");
        e.setExten("5551000");
        e.setExtension("5551000");
        e.setPriority(1);
        e.setApplication("AppDial2");
        e.setAppData("(Outgoing Line)");
        e.setCallerIdNum("<unknown>");
        e.setCallerIdName("<unknown>");

        assertThat(translator.translate(e)).isEqualTo(new PbxEvent.DialplanStep(
            Instant.parse("2026-11-22T11:15:58.706689Z"), new ChannelRef("1795346158.0", CUSTOMER, "1795346158.0"),
            "inbound", "5551000", 1, "AppDial2", null, null));
    }

    @Test
    void newCallerid() {
        NewCallerIdEvent e = channelBean(new NewCallerIdEvent(this), CUSTOMER, "1795346158.0");
        e.setCallerIdNum("+15551230001");
        e.setCallerIdName("Jane Doe");

        PbxEvent.CallerIdChanged changed = (PbxEvent.CallerIdChanged) translator.translate(e);
        assertThat(changed.callerIdNum()).isEqualTo("+15551230001");
        assertThat(changed.callerIdName()).isEqualTo("Jane Doe");
        assertThat(changed.at()).as("no Timestamp header: the injected clock").isEqualTo(NOW);
    }

    @Test
    void varsetOnAChannelAndGlobalVarsetIgnored() {
        VarSetEvent e = new VarSetEvent(this);
        e.setTimestamp(1795346158.707368);
        e.setChannel(CALLER);
        e.setUniqueId("1795346158.1");
        e.setLinkedId("1795346158.0");
        e.setVariable("CTI_ROLE");
        e.setValue("inbound");
        assertThat(translator.translate(e)).isEqualTo(new PbxEvent.VariableSet(
            Instant.parse("2026-11-22T11:15:58.707368Z"), new ChannelRef("1795346158.1", CALLER, "1795346158.0"),
            "CTI_ROLE", "inbound"));

        VarSetEvent global = new VarSetEvent(this);
        global.setChannel("none");
        global.setUniqueId("none");
        global.setVariable("CTI_NIGHT_MODE");
        global.setValue("1");
        assertThat(translator.translate(global)).isNull();
    }

    @Test
    void bridgeEnterAndLeave() {
        BridgeEnterEvent enter = new BridgeEnterEvent(this);
        enter.setTimestamp(1795346169.250399);
        enter.setBridgeUniqueId("495fc7f0-83e4-40e3-80f7-ae6372050910");
        enter.setChannel(CALLER);
        enter.setUniqueId("1795346158.1");
        enter.setLinkedId("1795346158.0");
        assertThat(translator.translate(enter)).isEqualTo(new PbxEvent.BridgeEntered(
            Instant.parse("2026-11-22T11:16:09.250399Z"), new ChannelRef("1795346158.1", CALLER, "1795346158.0"),
            "495fc7f0-83e4-40e3-80f7-ae6372050910"));

        BridgeLeaveEvent leave = new BridgeLeaveEvent(this);
        leave.setBridgeUniqueId("495fc7f0-83e4-40e3-80f7-ae6372050910");
        leave.setChannel(CALLER);
        leave.setUniqueId("1795346158.1");
        PbxEvent.BridgeLeft left = (PbxEvent.BridgeLeft) translator.translate(leave);
        assertThat(left.bridgeId()).isEqualTo("495fc7f0-83e4-40e3-80f7-ae6372050910");
        assertThat(left.channel().linkedId()).as("no Linkedid: the channel's own id").isEqualTo("1795346158.1");
    }

    @Test
    void hangupWithCause() {
        HangupEvent e = channelBean(new HangupEvent(this), CUSTOMER, "1795346158.0");
        e.setTimestamp(1795346172.253350);
        e.setLinkedId("1795346158.0");
        e.setCause(16);
        e.setCauseTxt("Normal Clearing");
        assertThat(translator.translate(e)).isEqualTo(new PbxEvent.ChannelHungUp(
            Instant.parse("2026-11-22T11:16:12.253350Z"), new ChannelRef("1795346158.0", CUSTOMER, "1795346158.0"),
            16, "Normal Clearing"));
    }

    @Test
    void dtmfEndOnlyAndItsDirection() {
        DtmfEndEvent end = new DtmfEndEvent(this);
        end.setTimestamp(1795346160.832277);
        end.setChannel(CALLER);
        end.setUniqueId("1795346158.1");
        end.setLinkedId("1795346158.0");
        end.setDigit("1");
        end.setDurationMs(120);
        end.setDirection("Received");
        assertThat(translator.translate(end)).isEqualTo(new PbxEvent.DtmfReceived(
            Instant.parse("2026-11-22T11:16:00.832277Z"), new ChannelRef("1795346158.1", CALLER, "1795346158.0"),
            "1", true, 120));

        end.setDirection("Sent");
        assertThat(((PbxEvent.DtmfReceived) translator.translate(end)).received()).isFalse();

        DtmfBeginEvent begin = new DtmfBeginEvent(this);
        begin.setChannel(CALLER);
        begin.setUniqueId("1795346158.1");
        begin.setDigit("1");
        assertThat(translator.translate(begin)).isNull();
    }

    @Test
    void originateResponseSuccessAndFailure() {
        OriginateResponseEvent ok = new OriginateResponseEvent(this);
        ok.setTimestamp(1795346168.748504);
        ok.setActionId("agent-leg-1");
        ok.setResponse("Success");
        ok.setChannel("Local/2001@agents-00000001;1");
        ok.setReason(4);
        ok.setUniqueId("1795346168.2");
        assertThat(translator.translate(ok)).isEqualTo(new PbxEvent.OriginateCompleted(
            Instant.parse("2026-11-22T11:16:08.748504Z"), "agent-leg-1", true, 4, "1795346168.2",
            "Local/2001@agents-00000001;1"));

        // 06-outbound: a busy destination
        OriginateResponseEvent busy = new OriginateResponseEvent(this);
        busy.setActionId("out-busy");
        busy.setResponse("Failure");
        busy.setChannel("Local/5552001@busy-sim");
        busy.setReason(5);
        busy.setUniqueId("<unknown>");
        PbxEvent.OriginateCompleted failed = (PbxEvent.OriginateCompleted) translator.translate(busy);
        assertThat(failed.success()).isFalse();
        assertThat(failed.reason()).isEqualTo(5);
        assertThat(failed.uniqueId()).isNull();
        assertThat(failed.channelName()).isEqualTo("Local/5552001@busy-sim");
    }

    @Test
    void shutdownForRestart() {
        ShutdownEvent e = new ShutdownEvent(this);
        e.setShutdown("Cleanly");
        e.setRestart(Boolean.TRUE);
        assertThat(translator.translate(e)).isEqualTo(new PbxEvent.PbxShutdown(NOW, true));
    }

    @Test
    void registeredUserEventKeepsItsHeadersAndChannel() {
        CtiUserEvents.CtiScreenPop pop = new CtiUserEvents.CtiScreenPop(this);
        pop.setTimestamp(1795346314.199247);
        pop.setChannel("Local/s@cti-userevent-00000000;2");
        pop.setUniqueId("1795346314.1");
        pop.setCallerNum("+15551230011");
        pop.setIntent("billing");
        PbxEvent.UserEventReceived received = (PbxEvent.UserEventReceived) translator.translate(pop);
        assertThat(received.name()).isEqualTo("CtiScreenPop");
        assertThat(received.headers()).containsEntry("CallerNum", "+15551230011").containsEntry("Intent", "billing")
            .containsEntry("Channel", "Local/s@cti-userevent-00000000;2").containsEntry("Uniqueid", "1795346314.1");

        CtiUserEvents.CtiAgentState state = new CtiUserEvents.CtiAgentState(this);
        state.setAgent("2001");
        state.setState("WRAPUP");
        state.setReason("after call work: 30 s");
        state.setXCustomId("42");
        assertThat(((PbxEvent.UserEventReceived) translator.translate(state)).headers())
            .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Agent", "2001", "State", "WRAPUP",
                "Reason", "after call work: 30 s", "X-Custom-Id", "42"));
    }

    @Test
    void coreShowChannelItemsBecomeLiveChannels() {
        CoreShowChannelEvent item = new CoreShowChannelEvent(this);
        item.setChannel(CALLER);
        item.setUniqueid("1795346158.1");
        item.setLinkedid("1795346158.0");
        item.setChannelState(6);
        item.setCallerIdNum("+15551230001");
        item.setCallerIdName("Jane Doe");
        item.setContext("cti-hold");
        item.setExten("s");
        item.setApplication("MusicOnHold");
        item.setBridgeid("");
        List<LiveChannel> live = translator.toLiveChannels(List.of(item));
        assertThat(live).containsExactly(new LiveChannel(new ChannelRef("1795346158.1", CALLER, "1795346158.0"),
            ChannelState.UP, "+15551230001", "Jane Doe", "cti-hold", "s", "MusicOnHold", null));
    }

    @Test
    void eventsWeDoNotModelGiveNull() {
        assertThat(translator.translate(new org.asteriskjava.manager.event.DeviceStateChangeEvent(this))).isNull();
    }

    private static <T extends ManagerEvent> T channelBean(T bean, String channel, String uniqueId) {
        if (bean instanceof org.asteriskjava.manager.event.AbstractChannelEvent e) {
            e.setChannel(channel);
            e.setUniqueId(uniqueId);
        }
        return bean;
    }
}

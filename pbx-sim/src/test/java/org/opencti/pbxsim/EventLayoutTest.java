package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's event builders give the exact bytes of capture 02 when fed the same values. */
class EventLayoutTest {

    /** The captured message (02) carrying {@code Timestamp: ts}, as wire text. */
    private static String captured(String ts) {
        List<List<String>> all = Fixtures.messages(Fixtures.txt("02-inbound-ivr-queue-agent"), "S> ");
        List<String> msg = all.stream().filter(m -> m.contains("Timestamp: " + ts)).findFirst().orElseThrow();
        return String.join("\r\n", msg) + "\r\n\r\n";
    }

    private static Events at(String ts) {
        String[] p = ts.split("\\.");
        Instant i = Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1]) * 1000);
        return new Events(Clock.fixed(i, ZoneOffset.UTC));
    }

    private static Chan chan(String name, String uniqueid, ChannelState state, String context, String exten) {
        Chan ch = new Chan(name, uniqueid, Instant.EPOCH, "Local/x@y", state);
        ch.context = context;
        ch.exten = exten;
        return ch;
    }

    private static void callerId(Chan ch, String num, String name) {
        ch.cidNum = num;
        ch.cidName = name;
        ch.connNum = num;
        ch.connName = name;
    }

    @Test
    void newchannelOfTheOriginatedHalf() {
        Chan one = chan("Local/5551000@inbound-00000000;1", "1795346158.0", ChannelState.DOWN, "inbound", "5551000");
        assertThat(AmiMessageEncoder.render(at("1795346158.706422").newchannel(one))).isEqualTo(captured("1795346158.706422"));
    }

    @Test
    void newCalleridThenNewConnectedLineOfTheOriginatedHalf() {
        Chan one = chan("Local/5551000@inbound-00000000;1", "1795346158.0", ChannelState.DOWN, "inbound", "5551000");
        one.cidNum = "+15551230001";
        one.cidName = "Jane Doe";
        assertThat(AmiMessageEncoder.render(at("1795346158.706696").newCallerid(one))).isEqualTo(captured("1795346158.706696"));
        one.connNum = "+15551230001";
        one.connName = "Jane Doe";
        assertThat(AmiMessageEncoder.render(at("1795346158.706702").newConnectedLine(one)))
            .isEqualTo(captured("1795346158.706702"));
    }

    @Test
    void localBridgeAndDialBegin() {
        Chan one = chan("Local/5551000@inbound-00000000;1", "1795346158.0", ChannelState.DOWN, "inbound", "5551000");
        Chan two = chan("Local/5551000@inbound-00000000;2", "1795346158.1", ChannelState.RING, "inbound", "5551000");
        two.linkedid = one.uniqueid;
        callerId(one, "+15551230001", "Jane Doe");
        callerId(two, "+15551230001", "Jane Doe");
        assertThat(AmiMessageEncoder.render(at("1795346158.706736").localBridge(one, two, "inbound", "5551000")))
            .isEqualTo(captured("1795346158.706736"));
        assertThat(AmiMessageEncoder.render(at("1795346158.706888").dialBegin(one, "5551000@inbound")))
            .isEqualTo(captured("1795346158.706888"));
    }

    @Test
    void newextenVarSetAndNewstateOfTheDialplanHalf() {
        Chan two = chan("Local/5551000@inbound-00000000;2", "1795346158.1", ChannelState.RING, "inbound", "5551000");
        two.linkedid = "1795346158.0";
        callerId(two, "+15551230001", "Jane Doe");
        two.priority = 2;
        assertThat(AmiMessageEncoder.render(at("1795346158.707359").newexten(two, "Set", "CTI_ROLE=inbound")))
            .isEqualTo(captured("1795346158.707359"));
        assertThat(AmiMessageEncoder.render(at("1795346158.707368").varSet(two, "CTI_ROLE", "inbound")))
            .isEqualTo(captured("1795346158.707368"));
        two.priority = 3;
        two.state = ChannelState.UP;
        assertThat(AmiMessageEncoder.render(at("1795346158.707380").newstate(two))).isEqualTo(captured("1795346158.707380"));
    }

    @Test
    void bridgeEnterLeaveDestroyAndHangup() {
        Chan agent = chan("Local/2001@agents-00000001;1", "1795346168.2", ChannelState.UP, "agent-leg", "s");
        callerId(agent, "+15551230001", "Jane Doe");
        agent.linkedid = "1795346158.0";
        agent.priority = 5;
        BridgeState b = new BridgeState("495fc7f0-83e4-40e3-80f7-ae6372050910");
        b.members.add(agent);
        b.members.add(chan("other", "1", ChannelState.UP, "c", "e"));
        assertThat(AmiMessageEncoder.render(at("1795346169.250929").bridgeEnter(b, agent)))
            .isEqualTo(captured("1795346169.250929"));
        b.members.clear();
        assertThat(AmiMessageEncoder.render(at("1795346172.252728").bridgeLeave(b, agent)))
            .isEqualTo(captured("1795346172.252728"));
        assertThat(AmiMessageEncoder.render(at("1795346172.252810").bridgeDestroy(b))).isEqualTo(captured("1795346172.252810"));
        assertThat(AmiMessageEncoder.render(at("1795346172.252891").softHangupRequest(agent, 16)))
            .isEqualTo(captured("1795346172.252891"));
        assertThat(AmiMessageEncoder.render(at("1795346172.253447").hangup(agent, 16))).isEqualTo(captured("1795346172.253447"));
    }

    @Test
    void dtmfAndAgiExecEvents() {
        Chan two = chan("Local/5551000@inbound-00000000;2", "1795346158.1", ChannelState.UP, "inbound", "5551000");
        two.linkedid = "1795346158.0";
        callerId(two, "+15551230001", "Jane Doe");
        two.priority = 4;
        assertThat(AmiMessageEncoder.render(at("1795346160.711804").dtmfBegin(two, '1', "Received")))
            .isEqualTo(captured("1795346160.711804"));
        assertThat(AmiMessageEncoder.render(at("1795346160.832277").dtmfEnd(two, '1', 120, "Received")))
            .isEqualTo(captured("1795346160.832277"));
        assertThat(AmiMessageEncoder.render(at("1795346159.209243").agiExecStart(two, 629148871L, "ANSWER")))
            .isEqualTo(captured("1795346159.209243"));
        assertThat(AmiMessageEncoder.render(at("1795346159.209377").agiExecEnd(two, 629148871L, "ANSWER", 200, "Success")))
            .isEqualTo(captured("1795346159.209377"));
    }
}

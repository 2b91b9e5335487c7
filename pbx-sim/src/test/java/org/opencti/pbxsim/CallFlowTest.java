package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer on hold, the agent leg, Bridge, Redirect, Hangup, CoreShowChannels, variables, over real AMI. */
class CallFlowTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346296));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(50))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    private SimCall holdingCall() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "support");
        vars.put("CTI_INTENT", "billing");
        SimCall call = sim.placeCallToHold("+15551230007", "Eve Fox", vars);
        ami.awaitEvent("MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        return call;
    }

    private String agentLeg(String ext) {
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/" + ext + "@agents", "Context: agent-leg", "Exten: s", "Priority: 1",
            "CallerID: \"Eve Fox\" <+15551230007>", "Async: true", "Variable: CTI_CALL_ID=c-0007", "Variable: CTI_AGENT=" + ext);
        String leg = ami.awaitEventFrom(mark, "OriginateResponse", m -> true).get("Channel");
        String phone = leg.replace(";1", ";2");
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Newexten", m -> phone.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        return leg;
    }

    @Test
    void callToHoldSetsItsVariablesAndRunsCtiHold() {
        int mark = ami.mark();
        SimCall call = holdingCall();

        assertThat(call.channel()).isEqualTo("Local/15551230007@cti-hold-00000000;2");
        assertThat(call.phoneChannel()).isEqualTo("Local/15551230007@cti-hold-00000000;1");
        assertThat(call.uniqueid()).isEqualTo("1795346296.1");
        assertThat(call.linkedid()).isEqualTo("1795346296.0");
        List<String> sig = ami.since(mark).stream().map(Fixtures::signature).toList();
        assertThat(sig).containsSubsequence(
            "VarSet Local/15551230007@cti-hold-N;1 Variable=CTI_INTENT Value=billing ChannelStateDesc=Down",
            "VarSet Local/15551230007@cti-hold-N;1 Variable=CTI_QUEUE Value=support ChannelStateDesc=Down",
            "VarSet Local/15551230007@cti-hold-N;2 Variable=CTI_QUEUE Value=support ChannelStateDesc=Ring",
            "VarSet Local/15551230007@cti-hold-N;2 Variable=CTI_INTENT Value=billing ChannelStateDesc=Ring",
            "Newexten Local/15551230007@cti-hold-N;2 Application=Goto ChannelStateDesc=Ring",
            "Newexten Local/15551230007@cti-hold-N;2 Application=NoOp ChannelStateDesc=Ring",
            "Newexten Local/15551230007@cti-hold-N;2 Application=Answer ChannelStateDesc=Ring",
            "Newstate Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up",
            "Newexten Local/15551230007@cti-hold-N;2 Application=MusicOnHold ChannelStateDesc=Up",
            "MusicOnHoldStart Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up");
        assertThat(sig).noneMatch(s -> s.startsWith("OriginateResponse"));
        AmiMessage noop = ami.awaitEventFrom(mark, "Newexten", m -> "s".equals(m.get("Exten")) && "1".equals(m.get("Priority")));
        assertThat(noop.get("AppData")).isEqualTo("CTI hold: " + call.channel() + " queue=support intent=billing");
        SimChannel caller = sim.channel(call.channel()).orElseThrow();
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support").containsEntry("CTI_INTENT", "billing");
        assertThat(caller.application()).isEqualTo("MusicOnHold");
    }

    @Test
    void bridgeThenCallerHangupEndsEverything() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        int mark = ami.mark();

        AmiMessage bridged = ami.action("Bridge", "Channel1: " + call.channel(), "Channel2: " + leg, "Tone: no");
        assertThat(bridged.get("Message")).isEqualTo("Channels have been bridged");
        AmiMessage second = ami.awaitEventFrom(mark, "VarSet", m -> leg.equals(m.get("Channel"))
            && "BRIDGEPEER".equals(m.get("Variable")));
        assertThat(second.get("Value")).isEqualTo(call.channel());
        List<String> sig = ami.since(mark).stream().map(Fixtures::signature).toList();
        assertThat(sig).containsExactly("Response:Success", "BridgeCreate BridgeNumChannels=0",
            "MusicOnHoldStop Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up",
            "BridgeEnter Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up BridgeNumChannels=1",
            "BridgeEnter Local/2001@agents-N;1 ChannelStateDesc=Up BridgeNumChannels=2",
            "VarSet Local/15551230007@cti-hold-N;2 Variable=BRIDGEPEER Value=" + leg + " ChannelStateDesc=Up",
            "VarSet Local/2001@agents-N;1 Variable=BRIDGEPEER Value=" + call.channel() + " ChannelStateDesc=Up");
        AmiMessage enter = ami.awaitEventFrom(mark, "BridgeEnter", m -> leg.equals(m.get("Channel")));
        assertThat(enter.get("Linkedid")).isEqualTo(call.linkedid());
        // 5 in capture 02; the recording lines (GotoIf, Set, MixMonitor) came later and move Wait three priorities on
        assertThat(enter.get("Priority")).isEqualTo("8");
        assertThat(sim.isBridged(call)).isTrue();

        int before = ami.mark();
        sim.hangup(call);
        ami.awaitEventFrom(before, "Hangup", m -> m.get("Channel").startsWith("Local/2001@agents") && m.get("Channel")
            .endsWith(";2"));
        List<String> after = ami.messages().subList(before, ami.mark()).stream().map(Fixtures::signature).toList();
        assertThat(after).containsSubsequence(
            "HangupRequest Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up Cause=16",
            "Hangup Local/15551230007@cti-hold-N;1 ChannelStateDesc=Up Cause=16",
            "BridgeLeave Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up BridgeNumChannels=1",
            "BridgeLeave Local/2001@agents-N;1 ChannelStateDesc=Up BridgeNumChannels=0",
            "BridgeDestroy BridgeNumChannels=0",
            "Hangup Local/15551230007@cti-hold-N;2 ChannelStateDesc=Up Cause=16");
        assertThat(after).contains("Newexten Local/2001@agents-N;1 Application=Hangup ChannelStateDesc=Up",
            "Hangup Local/2001@agents-N;1 ChannelStateDesc=Up Cause=16");
        assertThat(sim.isBridged(call)).isFalse();
        assertThat(sim.channels()).isEmpty();
        assertThat(sim.history()).extracting(SimRecord::kind).contains(SimRecord.Kind.BRIDGED, SimRecord.Kind.UNBRIDGED,
            SimRecord.Kind.HUNG_UP);
    }

    @Test
    void coreShowChannelsListsEveryChannelLikeCapture07() {
        SimCall held = holdingCall();
        String leg = agentLeg("2001");
        clock.advance(Duration.ofSeconds(1));
        ami.action("Setvar", "Channel: " + leg, "Variable: X", "Value: 1");
        ami.awaitEvent("VarSet", m -> "X".equals(m.get("Variable")));

        int mark = ami.mark();
        ami.send("Action: CoreShowChannels", "ActionID: csc-1");
        AmiMessage complete = ami.awaitEventFrom(mark, "CoreShowChannelsComplete", m -> true);
        List<AmiMessage> list = ami.since(mark);
        List<AmiMessage> captured = Fixtures.messages(Fixtures.between(Fixtures.txt("07-core-show-channels"),
            "C> ActionID: csc-1", "# Status of all channels"), "S> ").stream().map(Fixtures::toMessage).toList();

        assertThat(list.get(0).names()).isEqualTo(captured.get(0).names());
        assertThat(list.get(0).get("Message")).isEqualTo("Channels will follow");
        List<AmiMessage> items = list.stream().filter(m -> "CoreShowChannel".equals(m.event())).toList();
        assertThat(items).hasSize(4);
        items.forEach(i -> assertThat(i.names()).isEqualTo(captured.get(1).names()));
        assertThat(complete.names()).isEqualTo(captured.get(captured.size() - 1).names());
        assertThat(complete.get("ListItems")).isEqualTo("4");
        AmiMessage caller = items.stream().filter(i -> held.channel().equals(i.get("Channel"))).findFirst().orElseThrow();
        assertThat(caller.get("Application")).isEqualTo("MusicOnHold");
        assertThat(caller.get("ApplicationData")).isEqualTo("default");
        assertThat(caller.get("Duration")).isEqualTo("00:00:01");
        assertThat(caller.get("BridgeId")).isEmpty();
        assertThat(items).extracting(i -> i.get("Channel")).contains(leg, held.phoneChannel());
    }

    @Test
    void setvarGetvarGlobalsAndCallerIdFunctions() {
        SimCall call = holdingCall();
        int mark = ami.mark();
        assertThat(ami.action("Setvar", "Channel: " + call.channel(), "Variable: CTI_SKILL", "Value: billing")
            .get("Message")).isEqualTo("Variable Set");
        ami.awaitEventFrom(mark, "VarSet", m -> "CTI_SKILL".equals(m.get("Variable")) && "billing".equals(m.get("Value")));

        AmiMessage got = ami.action("Getvar", "Channel: " + call.channel(), "Variable: CTI_SKILL");
        assertThat(got.names()).containsExactly("Response", "ActionID", "Variable", "Value");
        assertThat(got.get("Value")).isEqualTo("billing");
        assertThat(ami.action("Getvar", "Channel: " + call.channel(), "Variable: CALLERID(num)").get("Value"))
            .isEqualTo("+15551230007");
        assertThat(ami.action("Getvar", "Channel: " + call.channel(), "Variable: NO_SUCH_VAR").get("Value")).isEmpty();
        assertThat(ami.action("Getvar", "Variable: CTI_AGI").get("Response")).isEqualTo("Success");
        assertThat(ami.action("Getvar", "Channel: Local/nosuch@agents-00000099;1", "Variable: X").get("Message"))
            .isEqualTo("No such channel");
        assertThat(ami.action("Getvar").get("Message")).isEqualTo("No variable specified");

        ami.action("Setvar", "Variable: CTI_NIGHT_MODE", "Value: off");
        AmiMessage global = ami.awaitEventFrom(mark, "VarSet", m -> "CTI_NIGHT_MODE".equals(m.get("Variable")));
        assertThat(global.names()).containsExactly("Event", "Privilege", "Timestamp", "Channel", "Uniqueid", "Variable", "Value");
        assertThat(global.get("Channel")).isEqualTo("none");

        ami.action("Setvar", "Channel: " + call.channel(), "Variable: CALLERID(name)", "Value: Eve Fox (VIP)");
        AmiMessage cid = ami.awaitEventFrom(mark, "NewCallerid", m -> call.channel().equals(m.get("Channel")));
        assertThat(cid.get("CallerIDName")).isEqualTo("Eve Fox (VIP)");
    }

    @Test
    void userEventCarriesEveryHeaderOfTheAction() {
        int mark = ami.mark();
        ami.send("Action: UserEvent", "ActionID: ue-1", "UserEvent: CtiAgentState", "Agent: 2001", "State: WRAPUP",
            "Reason: after call work: 30 s", "X-Custom-Id: 42");
        AmiMessage ev = ami.awaitEventFrom(mark, "UserEvent", m -> true);
        AmiMessage response = ami.messages().get(mark);

        assertThat(response.get("Message")).isEqualTo("Event Sent");
        List<AmiMessage> captured = Fixtures.messages(Fixtures.between(Fixtures.txt("09-userevent-dtmf"), "C> ActionID: ue-1",
            "# UserEvent with no custom header"), "S> ").stream().map(Fixtures::toMessage).toList();
        assertThat(ev.names()).isEqualTo(captured.get(1).names());
        assertThat(ev.headers().subList(3, ev.headers().size())).isEqualTo(captured.get(1).headers().subList(3, 9));
    }

    @Test
    void redirectOutOfTheBridgeAndBackToHoldWithExtraChannel() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        ami.action("Bridge", "Channel1: " + call.channel(), "Channel2: " + leg);
        ami.awaitEvent("BridgeEnter", m -> leg.equals(m.get("Channel")));
        int mark = ami.mark();

        AmiMessage r = ami.action("Redirect", "Channel: " + call.channel(), "Context: cti-hold", "Exten: s", "Priority: 1",
            "ExtraChannel: " + leg, "ExtraContext: agent-leg", "ExtraExten: s", "ExtraPriority: 1");
        assertThat(r.get("Message")).isEqualTo("Dual Redirect successful");
        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        AmiMessage leave = ami.awaitEventFrom(mark, "BridgeLeave", m -> call.channel().equals(m.get("Channel")));
        assertThat(leave.get("Context")).isEqualTo("cti-hold");
        assertThat(leave.get("Priority")).isEqualTo("1");
        assertThat(sim.isBridged(call)).isFalse();
        assertThat(sim.channels()).hasSize(4);

        AmiMessage bad = ami.action("Redirect", "Channel: Local/nope@x-00000009;2", "Context: cti-hold", "Exten: s",
            "Priority: 1");
        assertThat(bad.get("Message")).isEqualTo("Channel does not exist: Local/nope@x-00000009;2");
        assertThat(ami.action("Hangup", "Channel: Local/nope@x-00000009;2").get("Message")).isEqualTo("No such channel");
        assertThat(ami.action("Hangup").get("Message")).isEqualTo("No channel specified");
    }

    @Test
    void agentHangingUpEndsTheAgentLegAndTheCallerContinuesItsDialplan() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        ami.action("Bridge", "Channel1: " + call.channel(), "Channel2: " + leg);
        ami.awaitEvent("BridgeEnter", m -> leg.equals(m.get("Channel")));
        int mark = ami.mark();

        sim.agentHangsUp("2001");

        ami.awaitEventFrom(mark, "Hangup", m -> leg.equals(m.get("Channel")));
        // After the bridge the caller resumes [cti-hold] after MusicOnHold: the survey check, then Hangup.
        ami.awaitEventFrom(mark, "Newexten", m -> call.channel().equals(m.get("Channel")) && "4".equals(m.get("Priority"))
            && "GotoIf".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Newexten", m -> call.channel().equals(m.get("Channel")) && "5".equals(m.get("Priority"))
            && "Hangup".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Hangup", m -> call.phoneChannel().equals(m.get("Channel")));
        assertThat(sim.channels()).isEmpty();
    }
}

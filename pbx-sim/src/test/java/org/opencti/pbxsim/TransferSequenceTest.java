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

/**
 * The AMI steps the CTI server's transfers are made of, played through the shipped dialplan and checked against capture 03
 * (part A: Redirect of the caller out of a bridge): a blind transfer redirects the caller (to [cti-hold], [cti-onhold] or
 * [cti-outbound]); an attended one parks caller and agent leg with one Redirect ([cti-onhold] + [cti-consult]), rings the
 * target with Originate and Bridges it with the agent, then Bridges the caller with the target (complete) or with the agent
 * (cancel).
 */
class TransferSequenceTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346400));
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

    @Test
    void blindRedirectOfTheCallerDissolvesTheBridgeAndTheAgentLegHangsUpAsCaptured() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        bridge(call.channel(), leg);
        int mark = ami.mark();

        ami.action("Setvar", "Channel: " + call.channel(), "Variable: CTI_TRANSFERRED_BY", "Value: 2001");
        AmiMessage r = ami.action("Redirect", "Channel: " + call.channel(), "Context: cti-hold", "Exten: s", "Priority: 1");

        assertThat(r.get("Message")).isEqualTo("Redirect successful");
        ami.awaitEventFrom(mark, "Hangup", m -> leg.replace(";1", ";2").equals(m.get("Channel")));
        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        List<AmiMessage> sim = ami.since(mark);
        List<AmiMessage> captured = Fixtures.messages(Fixtures.between(Fixtures.txt("03-transfers"), "C> ActionID: redirect-1",
            "# end of part A: hang up the caller"), "S> ").stream().map(Fixtures::toMessage).toList();
        // The agent leg's pair does exactly what it did in the capture: leaves the dissolved bridge, runs agent-leg,s,5 and hangs up.
        assertThat(ofChannel(sim, "Local/2001@agents-N;")).isEqualTo(ofChannel(captured, "Local/2001@agents-N;"));
        assertThat(names(sim, "BridgeDestroy")).isEqualTo(names(captured, "BridgeDestroy"));
        // The caller's BridgeLeave already shows where the Redirect sends them; the variable was set before they got there.
        AmiMessage leave = first(sim, "BridgeLeave", call.channel());
        AmiMessage capturedLeave = first(captured, "BridgeLeave", "Local/5551001@cti-hold-00000000;2");
        assertThat(leave.names()).isEqualTo(capturedLeave.names());
        assertThat(List.of(leave.get("Context"), leave.get("Exten"), leave.get("Priority"))).containsExactly("cti-hold", "s", "1");
        assertThat(sim.indexOf(first(sim, "VarSet", call.channel()))).isLessThan(sim.indexOf(leave));
    }

    @Test
    void consultationKeepsTheAgentLegWhenTheTargetHangsUpAndCancelBridgesTheCallerBack() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        bridge(call.channel(), leg);
        String target = consult(call, leg, "2002");

        int mark = ami.mark();
        sim.agentHangsUp("2002");
        ami.awaitEventFrom(mark, "Hangup", m -> target.equals(m.get("Channel")));
        // [cti-consult] goes back to waiting instead of hanging up the agent's leg.
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "Goto".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "Wait".equals(m.get("Application"))
            && "2".equals(m.get("Priority")));
        assertThat(sim.channel(leg)).isPresent();

        bridge(call.channel(), leg);
        assertThat(sim.isBridged(call)).isTrue();
        assertThat(sim.channels()).hasSize(4);
    }

    @Test
    void completingBridgesTheCallerWithTheTargetAndTheAgentLegIsHungUp() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        bridge(call.channel(), leg);
        String target = consult(call, leg, "2002");
        int mark = ami.mark();

        bridge(call.channel(), target);
        assertThat(ami.action("Hangup", "Channel: " + leg).get("Message")).isEqualTo("Channel Hungup");

        ami.awaitEventFrom(mark, "Hangup", m -> leg.replace(";1", ";2").equals(m.get("Channel")));
        assertThat(sim.isBridged(call)).isTrue();
        assertThat(sim.channel(target).orElseThrow().bridgeId()).isNotBlank();
        assertThat(sim.channels()).hasSize(4);
        // The caller left [cti-onhold]'s music when bridged with the target.
        assertThat(ami.since(mark).stream().anyMatch(m -> "MusicOnHoldStop".equals(m.event()) && call.channel().equals(m.get("Channel"))))
            .isTrue();
    }

    @Test
    void aConferenceIsOneConfBridgeThatOutlivesEachMemberUntilTheLastLeaves() {
        SimCall call = holdingCall();
        String leg = agentLeg("2001");
        bridge(call.channel(), leg);
        String target = consult(call, leg, "2002");
        int mark = ami.mark();

        // The target first: the agent's leg, left alone in the consult bridge, waits on in [cti-consult]. The other way round
        // the target's leg would be left alone and run agent-leg's Hangup.
        ami.action("Redirect", "Channel: " + target, "Context: cti-conference", "Exten: 4711", "Priority: 1");
        ami.action("Redirect", "Channel: " + call.channel(), "Context: cti-conference", "Exten: 4711", "Priority: 1",
            "ExtraChannel: " + leg, "ExtraContext: cti-conference", "ExtraExten: 4711", "ExtraPriority: 1");
        for (String ch : List.of(call.channel(), leg, target)) {
            ami.awaitEventFrom(mark, "ConfbridgeJoin", m -> ch.equals(m.get("Channel")));
        }
        List<AmiMessage> joined = ami.since(mark);
        assertThat(names(joined, "ConfbridgeStart")).hasSize(1);
        AmiMessage join = first(joined, "ConfbridgeJoin", target);
        assertThat(join.get("Conference")).isEqualTo("4711");
        assertThat(joined.stream().filter(m -> "ConfbridgeJoin".equals(m.event())).map(m -> m.get("BridgeNumChannels")))
            .containsExactlyInAnyOrder("1", "2", "3");
        assertThat(first(joined, "BridgeEnter", target).get("BridgeTechnology")).isEqualTo("softmix");

        // The agent leaves: caller and target go on in a plain bridge; the agent's leg, alone in the room, is hung up.
        int out = ami.mark();
        bridge(call.channel(), target);
        ami.action("Hangup", "Channel: " + leg);
        ami.awaitEventFrom(out, "ConfbridgeEnd", m -> "4711".equals(m.get("Conference")));
        ami.awaitEventFrom(out, "Hangup", m -> leg.replace(";1", ";2").equals(m.get("Channel")));
        assertThat(sim.isBridged(call)).isTrue();
        assertThat(sim.channels()).hasSize(4);
    }

    /** Caller to music, agent leg to [cti-consult] (one Redirect), target rung and bridged with the agent leg. */
    private String consult(SimCall call, String leg, String ext) {
        int mark = ami.mark();
        AmiMessage r = ami.action("Redirect", "Channel: " + call.channel(), "Context: cti-onhold", "Exten: s", "Priority: 1",
            "ExtraChannel: " + leg, "ExtraContext: cti-consult", "ExtraExten: s", "ExtraPriority: 1");
        assertThat(r.get("Message")).isEqualTo("Dual Redirect successful");
        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "cti-consult".equals(m.get("Context"))
            && "Wait".equals(m.get("Application")));
        String target = agentLeg(ext);
        bridge(leg, target);
        return target;
    }

    private SimCall holdingCall() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "support");
        vars.put("CTI_IVR_DATA", "CTI_INTENT");
        vars.put("CTI_INTENT", "billing");
        SimCall call = sim.placeCallToHold("+15551230009", "Ada Byron", vars);
        ami.awaitEvent("MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        return call;
    }

    private String agentLeg(String ext) {
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/" + ext + "@agents", "Context: agent-leg", "Exten: s", "Priority: 1",
            "CallerID: \"Ada Byron\" <+15551230009>", "Async: true", "Variable: CTI_CALL_ID=c-0009", "Variable: CTI_AGENT=" + ext);
        String leg = ami.awaitEventFrom(mark, "OriginateResponse", m -> true).get("Channel");
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Newexten", m -> leg.replace(";1", ";2").equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        return leg;
    }

    private void bridge(String one, String two) {
        int mark = ami.mark();
        assertThat(ami.action("Bridge", "Channel1: " + one, "Channel2: " + two, "Tone: no").get("Message"))
            .isEqualTo("Channels have been bridged");
        ami.awaitEventFrom(mark, "VarSet", m -> two.equals(m.get("Channel")) && "BRIDGEPEER".equals(m.get("Variable")));
    }

    private static List<String> ofChannel(List<AmiMessage> messages, String prefix) {
        return messages.stream().filter(m -> m.has("Event") && m.has("Channel") && Fixtures.normalize(m.get("Channel")).startsWith(prefix))
            .map(Fixtures::signature).toList();
    }

    private static List<String> names(List<AmiMessage> messages, String event) {
        return messages.stream().filter(m -> event.equals(m.event())).map(AmiMessage::event).toList();
    }

    private static AmiMessage first(List<AmiMessage> messages, String event, String channel) {
        return messages.stream().filter(m -> event.equals(m.event()) && channel.equals(m.get("Channel"))).findFirst().orElseThrow();
    }
}

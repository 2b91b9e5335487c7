package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped campaign contexts run by pbx-sim over a real AMI socket: {@code [cti-campaign]} with AMD() (compared with
 * capture 06 H), {@code [cti-nailed]} looping back to waiting after each bridge, {@code [cti-safe-harbour]} and
 * {@code [cti-machine]}.
 */
class CampaignContextsTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346280));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(30)).withPromptDuration(Duration.ofMillis(50)).withAmdDelay(Duration.ofMillis(100))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    @Test
    void amdOnAPersonGivesHumanLikeCapture06H1() {
        int mark = ami.mark();
        String customer = answered("out-amd-human", "5555000", "yes");
        List<AmiMessage> got = ami.since(mark);
        List<AmiMessage> expected = capture("C> ActionID: out-amd-human",
            "# customer leg answered by amd-sim 5555999 (an answering machine with a long greeting)");

        // Up to the answer: the same events as amd-sim's person (the lab's Originate carried no variables).
        Predicate<AmiMessage> response = m -> "OriginateResponse".equals(m.event());
        assertThat(signatures(upTo(withoutOriginateVariables(got), response), ""))
            .isEqualTo(signatures(upTo(expected, response), "amd-sim"));
        // AMD() on the ;1 half: AMDSTATUS, then AMDCAUSE, then the next priority.
        assertThat(amd(got, customer)).isEqualTo(amd(expected, "Local/5555000@amd-sim-0000000d;1").stream()
            .map(s -> s.replace("@amd-sim", "@cti-outbound")).toList());
        assertThat(variable(got, customer, "AMDSTATUS").names()).isEqualTo(variable(expected, "Local/5555000@amd-sim-0000000d;1",
            "AMDSTATUS").names());
        String uniqueid = got.stream().filter(response).findFirst().orElseThrow().get("Uniqueid");
        assertThat(variable(got, customer, "AMDSTATUS").get("Uniqueid")).isEqualTo(uniqueid);
    }

    @Test
    void amdOnAMachineGivesMachineLikeCapture06H2AndNotSureForAnUnclearAnswer() {
        sim.phone("5555999").answeringMachine();
        int mark = ami.mark();
        String machine = answered("out-amd-machine", "5555999", "yes");
        List<AmiMessage> expected = capture("C> ActionID: out-amd-machine", "C> Action: Logoff");
        Predicate<AmiMessage> dialEnd = m -> "DialEnd".equals(m.event());
        assertThat(signatures(upTo(withoutOriginateVariables(ami.since(mark)), dialEnd), ""))
            .isEqualTo(signatures(upTo(expected, dialEnd), "amd-sim"));
        assertThat(amd(ami.since(mark), machine)).isEqualTo(amd(expected, "Local/5555999@amd-sim-0000000e;1").stream()
            .map(s -> s.replace("@amd-sim", "@cti-outbound")).toList());

        sim.phone("5555998").amdNotSure();
        int unclear = ami.mark();
        String notSure = answered("out-amd-unclear", "5555998", "yes");
        assertThat(variable(ami.since(unclear), notSure, "AMDSTATUS").get("Value")).isEqualTo("NOTSURE");
        assertThat(variable(ami.since(unclear), notSure, "AMDCAUSE").get("Value")).isEqualTo("TOOLONG-5000");
    }

    @Test
    void theNailedUpLegWaitsAgainAfterEachCallAndIsBridgedAgain() {
        String nailed = nailedLeg("2001");
        sim.phone("+15550101").hangsUpAfterTalking(Duration.ofMillis(300));
        String first = answered("first", "+15550101", "no");

        int mark = ami.mark();
        bridge(first, nailed);
        AmiMessage enter = ami.awaitEventFrom(mark, "BridgeEnter", m -> nailed.equals(m.get("Channel")));
        // BridgeEnter already shows where the leg goes on when the bridge ends: the Goto back to the Wait.
        assertThat(List.of(enter.get("Context"), enter.get("Priority"))).containsExactly("cti-nailed", "4");
        // The customer hangs up after talking: their pair goes as the customer's hangup in capture 06 A.
        int talking = ami.mark();
        ami.awaitEventFrom(talking, "Hangup", m -> first.equals(m.get("Channel")));
        List<String> customerPair = hangupsOfPair(ami.since(talking), first);
        List<String> capturedPair = hangupsOfPair(capture("C> ActionID: out-answer-hangup", "# =================== B: busy"
            + " ==================="), "Local/5552000@outbound-sim-00000000;1").stream()
            .map(s -> s.replace("5552000@outbound-sim", "+15550101@cti-outbound")).toList();
        assertThat(customerPair.subList(0, 3)).isEqualTo(capturedPair.subList(0, 3));
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.CUSTOMER_HUNG_UP && r.subject().equals("+15550101"));
        awaitWaiting(mark, nailed);
        assertThat(sim.channel(nailed)).isPresent();

        String second = answered("second", "+15550102", "no");
        int again = ami.mark();
        bridge(second, nailed);
        assertThat(sim.channel(nailed).orElseThrow().bridged()).isTrue();
        sim.customerHangsUp("+15550102");
        ami.awaitEventFrom(again, "BridgeDestroy", m -> true);
        awaitWaiting(again, nailed);
        assertThat(sim.channels()).extracting(SimChannel::name).containsExactly(nailed, nailed.replace(";1", ";2"));
    }

    @Test
    void safeHarbourPlaysTheMessageThenHangsUp() {
        String customer = answered("drop", "+15550103", "no", "Variable: CTI_SAFE_HARBOUR=cti-all-agents-busy");
        int mark = ami.mark();
        assertThat(ami.action("Redirect", "Channel: " + customer, "Context: cti-safe-harbour", "Exten: s", "Priority: 1")
            .get("Message")).isEqualTo("Redirect successful");

        ami.awaitEventFrom(mark, "Hangup", m -> customer.replace(";1", ";2").equals(m.get("Channel")));
        List<String> steps = ami.since(mark).stream().filter(m -> customer.equals(m.get("Channel"))).map(Fixtures::signature).toList();
        assertThat(steps).containsSubsequence("Newexten " + norm(customer) + " Application=NoOp ChannelStateDesc=Up",
            "Newexten " + norm(customer) + " Application=Playback ChannelStateDesc=Up",
            "VarSet " + norm(customer) + " Variable=PLAYBACKSTATUS Value=SUCCESS ChannelStateDesc=Up",
            "Newexten " + norm(customer) + " Application=Hangup ChannelStateDesc=Up",
            "Hangup " + norm(customer) + " ChannelStateDesc=Up Cause=16");
        assertThat(ami.since(mark)).anyMatch(m -> "Playback".equals(m.get("Application"))
            && "cti-all-agents-busy".equals(m.get("AppData")));
        assertThat(sim.channels()).isEmpty();
    }

    @Test
    void aMachineHearsTheCampaignsMessageAfterItsGreetingOrIsHungUpAtOnce() {
        sim.phone("+15550104").answeringMachine();
        String withMessage = answered("machine-1", "+15550104", "yes", "Variable: CTI_MACHINE_MESSAGE=cti-please-call-back");
        int mark = ami.mark();
        ami.action("Redirect", "Channel: " + withMessage, "Context: cti-machine", "Exten: s", "Priority: 1");
        ami.awaitEventFrom(mark, "Hangup", m -> withMessage.equals(m.get("Channel")));
        assertThat(ami.since(mark).stream().filter(m -> "Newexten".equals(m.event()) && withMessage.equals(m.get("Channel")))
            .map(m -> m.get("Application") + " " + m.get("AppData")).toList()).containsExactly(
                "NoOp CTI answering machine for campaign 7 lead : " + withMessage, "GotoIf 0?done", "WaitForSilence 1500,1,20",
                "Playback cti-please-call-back", "Hangup ");

        sim.phone("+15550105").answeringMachine();
        String silent = answered("machine-2", "+15550105", "yes");
        int quiet = ami.mark();
        ami.action("Redirect", "Channel: " + silent, "Context: cti-machine", "Exten: s", "Priority: 1");
        ami.awaitEventFrom(quiet, "Hangup", m -> silent.equals(m.get("Channel")));
        assertThat(ami.since(quiet)).noneMatch(m -> silent.equals(m.get("Channel")) && "Playback".equals(m.get("Application")));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** A campaign call to {@code number} that a customer answers; returns the ;1 half once it waits in [cti-campaign]. */
    private String answered(String actionId, String number, String amd, String... extra) {
        int mark = ami.mark();
        List<String> lines = new ArrayList<>(List.of("Action: Originate", "ActionID: " + actionId, "Channel: Local/" + number
            + "@cti-outbound", "Context: cti-campaign", "Exten: s", "Priority: 1", "CallerID: \"Campaign 7\" <+15550007000>",
            "Timeout: 20000", "Async: true", "Variable: CTI_CAMPAIGN=7", "Variable: CTI_AMD=" + amd));
        lines.addAll(List.of(extra));
        ami.send(lines.toArray(String[]::new));
        AmiMessage ok = ami.awaitEventFrom(mark, "OriginateResponse", m -> actionId.equals(m.actionId()));
        assertThat(ok.get("Response")).isEqualTo("Success");
        String channel = ok.get("Channel");
        ami.awaitEventFrom(mark, "VarSet", m -> channel.equals(m.get("Channel")) && "CTI_WAITING".equals(m.get("Variable")));
        ami.awaitEventFrom(mark, "Newexten", m -> channel.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        return channel;
    }

    /** An agent's nailed-up leg: the agent's phone originated into [cti-nailed]; returns it once it waits. */
    private String nailedLeg(String agent) {
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/" + agent + "@agents", "Context: cti-nailed", "Exten: s", "Priority: 1",
            "Async: true", "Variable: CTI_AGENT=" + agent);
        String leg = ami.awaitEventFrom(mark, "OriginateResponse", m -> true).get("Channel");
        awaitWaiting(mark, leg);
        return leg;
    }

    private void awaitWaiting(int mark, String leg) {
        ami.awaitEventFrom(mark, "Newexten", m -> leg.equals(m.get("Channel")) && "cti-nailed".equals(m.get("Context"))
            && "Wait".equals(m.get("Application")) && "3".equals(m.get("Priority")));
    }

    private void bridge(String one, String two) {
        int mark = ami.mark();
        assertThat(ami.action("Bridge", "Channel1: " + one, "Channel2: " + two, "Tone: no").get("Message"))
            .isEqualTo("Channels have been bridged");
        ami.awaitEventFrom(mark, "VarSet", m -> two.equals(m.get("Channel")) && "BRIDGEPEER".equals(m.get("Variable")));
    }

    private static List<AmiMessage> capture(String from, String to) {
        return Fixtures.messages(Fixtures.between(Fixtures.txt("06-outbound"), from, to), "S> ").stream()
            .map(Fixtures::toMessage).toList();
    }

    private static List<AmiMessage> upTo(List<AmiMessage> messages, Predicate<AmiMessage> last) {
        for (int i = 0; i < messages.size(); i++) {
            if (last.test(messages.get(i))) {
                return messages.subList(0, i + 1);
            }
        }
        throw new AssertionError("no such message");
    }

    private static List<AmiMessage> withoutOriginateVariables(List<AmiMessage> messages) {
        return messages.stream().filter(m -> !("VarSet".equals(m.event()) && m.get("Variable").startsWith("CTI_"))).toList();
    }

    private static List<String> signatures(List<AmiMessage> messages, String labContext) {
        return messages.stream().filter(m -> !"DeviceStateChange".equals(m.event())).map(Fixtures::signature)
            .map(s -> labContext.isEmpty() ? s : s.replace("@" + labContext, "@cti-outbound")).toList();
    }

    /** The channel events of {@code channel} from its Newexten AMD to the Newexten after the verdict. */
    private static List<String> amd(List<AmiMessage> messages, String channel) {
        List<AmiMessage> mine = messages.stream().filter(m -> m.has("Linkedid") && channel.equals(m.get("Channel"))).toList();
        int start = mine.indexOf(mine.stream().filter(m -> "AMD".equals(m.get("Application"))).findFirst().orElseThrow());
        return mine.subList(start, start + 4).stream().map(Fixtures::signature).toList();
    }

    private static AmiMessage variable(List<AmiMessage> messages, String channel, String name) {
        return messages.stream().filter(m -> "VarSet".equals(m.event()) && channel.equals(m.get("Channel"))
            && name.equals(m.get("Variable"))).findFirst().orElseThrow();
    }

    /** Signatures of the hangup events of both halves of {@code oneHalf}'s Local pair. */
    private static List<String> hangupsOfPair(List<AmiMessage> messages, String oneHalf) {
        String pair = oneHalf.substring(0, oneHalf.length() - 1);
        return messages.stream().filter(m -> m.has("Event") && m.event().matches("(Soft)?HangupRequest|Hangup") && m.has("Channel")
            && m.get("Channel").startsWith(pair)).map(Fixtures::signature).toList();
    }

    private static String norm(String channel) {
        return Fixtures.normalize(channel);
    }
}

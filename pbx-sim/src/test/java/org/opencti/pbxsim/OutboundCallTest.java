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
 * Campaign calls ({@code Local/<number>@cti-outbound} into {@code [cti-campaign]}) over a real AMI socket, each outcome
 * compared event by event with what Asterisk 22 wrote in capture 06, where the lab's {@code *-sim} contexts played the
 * customer that pbx-sim's trunk stand-in plays here.
 */
class OutboundCallTest {
    private static final String CAMPAIGN_CALLER_ID = "CallerID: \"Campaign 7\" <+15550007000>";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346253));
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
    void aLiveAnswerFollowsCapture06AAndTheChannelIdsBecomeTheUniqueids() {
        sim.phone("5552000").answerAfter(Duration.ofMillis(100));
        int mark = ami.mark();
        campaignCall("out-answer", "5552000", "Timeout: 30000", "ChannelId: cti-out-0001", "OtherChannelId: cti-out-0001-2",
            "Variable: CTI_CAMPAIGN=7", "Variable: CTI_LEAD=lead-42");
        List<AmiMessage> got = until(mark, m -> "OriginateResponse".equals(m.event()));
        List<AmiMessage> expected = upTo(capture("C> ActionID: out-answer", "# =================== B: busy ==================="),
            m -> "OriginateResponse".equals(m.event()));

        assertSameEvents(got, expected, "outbound-sim");
        AmiMessage response = last(got);
        assertThat(response.get("Response")).isEqualTo("Success");
        assertThat(response.get("Reason")).isEqualTo("4");
        assertThat(response.get("Channel")).isEqualTo("Local/5552000@cti-outbound-00000000;1");
        assertThat(response.get("Uniqueid")).isEqualTo("cti-out-0001");
        for (AmiMessage m : got) {
            if (m.has("Channel") && m.has("Linkedid")) {
                assertThat(m.get("Uniqueid")).isEqualTo(m.get("Channel").endsWith(";1") ? "cti-out-0001" : "cti-out-0001-2");
                assertThat(m.get("Linkedid")).isEqualTo("cti-out-0001");
            }
        }
        // Without CTI_AMD=yes the answered customer goes straight to waiting for an agent.
        ami.awaitEventFrom(mark, "VarSet", m -> "CTI_WAITING".equals(m.get("Variable")) && "1".equals(m.get("Value"))
            && "cti-out-0001".equals(m.get("Uniqueid")) && "cti-campaign".equals(m.get("Context")));
        ami.awaitEventFrom(mark, "Newexten", m -> "cti-out-0001".equals(m.get("Uniqueid")) && "Wait".equals(m.get("Application")));
        assertThat(ami.since(mark)).noneMatch(m -> "AMD".equals(m.get("Application")));
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.CUSTOMER_ANSWERED && r.subject().equals("5552000"));
    }

    @Test
    void busyFollowsCapture06B() {
        sim.phone("5552001").busy();
        List<AmiMessage> got = failedCall("out-busy", "5552001", "Timeout: 30000");
        List<AmiMessage> expected = capture("C> ActionID: out-busy", "# =================== C: no answer (Originate Timeout 8000 ms)"
            + " ===================");

        assertSameEvents(got, expected, "busy-sim");
        assertFailure(got, "Local/5552001@cti-outbound", "5");
        assertThat(dialEnd(got)).isEqualTo("BUSY");
        assertThat(causes(got)).containsExactly("Local/5552001@cti-outbound-00000000;2=17", "Local/5552001@cti-outbound-00000000;1=0");
    }

    @Test
    void noAnswerFollowsCapture06CWithoutDialEnd() {
        sim.phone("5553000").noAnswer();
        List<AmiMessage> got = failedCall("out-noanswer", "5553000", "Timeout: 300");
        List<AmiMessage> expected = capture("C> ActionID: out-noanswer", "# =================== D: congestion ===================");

        assertSameEvents(got, expected, "noanswer-sim");
        assertFailure(got, "Local/5553000@cti-outbound", "3");
        assertThat(got).noneMatch(m -> "DialEnd".equals(m.event()));
        assertThat(causes(got)).containsExactly("Local/5553000@cti-outbound-00000000;2=19", "Local/5553000@cti-outbound-00000000;1=19");
    }

    @Test
    void congestionFollowsCapture06D() {
        sim.phone("5556000").congestion();
        List<AmiMessage> got = failedCall("out-congestion", "5556000", "Timeout: 30000");
        List<AmiMessage> expected = capture("C> ActionID: out-congestion", "# =================== E: rejected before answer "
            + "(Hangup(21) on the far side) ===================");

        assertSameEvents(got, expected, "congestion-sim");
        assertFailure(got, "Local/5556000@cti-outbound", "8");
        assertThat(dialEnd(got)).isEqualTo("CONGESTION");
        assertThat(causes(got)).containsExactly("Local/5556000@cti-outbound-00000000;1=0", "Local/5556000@cti-outbound-00000000;2=34");
    }

    @Test
    void aRejectionFollowsCapture06EAndANumberThatDoesNotExistDoesTheSameWithCause1() {
        sim.phone("5557000").reject();
        List<AmiMessage> rejected = failedCall("out-reject", "5557000", "Timeout: 30000");
        List<AmiMessage> expected = capture("C> ActionID: out-reject", "# =================== F: destinations that do not exist"
            + " ===================");

        assertSameEvents(rejected, expected, "reject-sim");
        assertFailure(rejected, "Local/5557000@cti-outbound", "0");
        assertThat(dialEnd(rejected)).isEqualTo("NOANSWER");
        assertThat(causes(rejected)).containsExactly("Local/5557000@cti-outbound-00000000;1=21",
            "Local/5557000@cti-outbound-00000000;2=21");

        sim.phone("5557001").invalidNumber();
        List<AmiMessage> invalid = failedCall("out-invalid", "5557001", "Timeout: 30000");
        assertThat(signatures(invalid, "")).isEqualTo(signatures(expected, "reject-sim").stream()
            .map(s -> s.replace("5557000", "5557001").replace("Cause=21", "Cause=1")).toList());
        assertFailure(invalid, "Local/5557001@cti-outbound", "0");
        assertThat(invalid).filteredOn(m -> "Hangup".equals(m.event())).extracting(m -> m.get("Cause-txt"))
            .containsOnly("Unallocated (unassigned) number");
    }

    @Test
    void anExtensionTheContextLacksFollowsCapture06F1AndF4() {
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: out-noexten", "Channel: Local/1@cti-outbound", "Context: cti-campaign", "Exten: s",
            "Priority: 1", CAMPAIGN_CALLER_ID, "Timeout: 30000", "Async: true");
        List<AmiMessage> got = untilNth(mark, m -> "DeviceStateChange".equals(m.event()), 2);
        List<AmiMessage> expected = capture("C> ActionID: out-noexten", "# context does not exist");
        assertThat(signatures(got, "")).isEqualTo(signatures(expected, "outbound-sim"));
        assertFailure(got, "Local/1@cti-outbound", "0");
        assertThat(got).filteredOn(m -> "DeviceStateChange".equals(m.event())).extracting(m -> m.get("State")).containsOnly("INVALID");

        int sync = ami.mark();
        ami.send("Action: Originate", "ActionID: out-sync-fail", "Channel: Local/1@cti-outbound", "Context: cti-campaign",
            "Exten: s", "Priority: 1", CAMPAIGN_CALLER_ID, "Timeout: 30000", "Async: false");
        List<AmiMessage> syncGot = until(sync, m -> "Hangup".equals(m.event()) && m.get("Channel").endsWith(";1"));
        List<AmiMessage> syncExpected = upTo(capture("C> ActionID: out-sync-fail", "# =================== G: agent-first, the agent"
            + " leg runs Dial() to the customer ==================="), m -> "Hangup".equals(m.event()) && m.get("Channel").endsWith(";1"));
        assertThat(signatures(syncGot, "")).isEqualTo(signatures(syncExpected, "no-such-context").stream()
            .map(s -> s.replace("Local/5552000@", "Local/1@")).toList());
        assertThat(syncGot.get(0).get("Message")).isEqualTo("Originate failed");
    }

    @Test
    void theNoOptimisationOptionStaysOutOfTheChannelNamesButInTheFailedDialString() {
        sim.phone("+15550107").busy();
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: out-n", "Channel: Local/+15550107@cti-outbound/n", "Context: cti-campaign",
            "Exten: s", "Priority: 1", CAMPAIGN_CALLER_ID, "Async: true");
        AmiMessage failed = ami.awaitEventFrom(mark, "OriginateResponse", m -> "out-n".equals(m.actionId()));
        assertThat(failed.get("Channel")).isEqualTo("Local/+15550107@cti-outbound/n");
        assertThat(failed.get("Reason")).isEqualTo("5");
        assertThat(ami.since(mark)).filteredOn(m -> "Newchannel".equals(m.event())).extracting(m -> m.get("Channel"))
            .containsExactly("Local/+15550107@cti-outbound-00000000;1", "Local/+15550107@cti-outbound-00000000;2");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void campaignCall(String actionId, String number, String... extra) {
        List<String> lines = new ArrayList<>(List.of("Action: Originate", "ActionID: " + actionId, "Channel: Local/" + number
            + "@cti-outbound", "Context: cti-campaign", "Exten: s", "Priority: 1", CAMPAIGN_CALLER_ID, "Async: true"));
        lines.addAll(List.of(extra));
        ami.send(lines.toArray(String[]::new));
    }

    /** A campaign call that fails: everything from the Originate to the Hangup of the last channel of the pair. */
    private List<AmiMessage> failedCall(String actionId, String number, String... extra) {
        int mark = ami.mark();
        campaignCall(actionId, number, extra);
        ami.awaitEventFrom(mark, "OriginateResponse", m -> actionId.equals(m.actionId()));
        return untilNth(mark, m -> "Hangup".equals(m.event()), 2);
    }

    /** Messages from {@code from} up to and including the {@code n}th that matches {@code match}. */
    private List<AmiMessage> untilNth(int from, Predicate<AmiMessage> match, int n) {
        ami.awaitFrom(from, m -> ami.since(from).stream().filter(match).count() >= n);
        List<AmiMessage> all = ami.since(from);
        int seen = 0;
        for (int i = 0; i < all.size(); i++) {
            if (match.test(all.get(i)) && ++seen == n) {
                return all.subList(0, i + 1);
            }
        }
        throw new AssertionError("fewer than " + n + " matching messages");
    }

    private List<AmiMessage> until(int from, Predicate<AmiMessage> last) {
        AmiMessage end = ami.awaitFrom(from, last);
        List<AmiMessage> all = ami.messages();
        return all.subList(from, all.indexOf(end) + 1);
    }

    private static List<AmiMessage> capture(String from, String to) {
        return Fixtures.messages(Fixtures.between(Fixtures.txt("06-outbound"), from, to), "S> ").stream()
            .map(Fixtures::toMessage).toList();
    }

    private static List<AmiMessage> upTo(List<AmiMessage> messages, Predicate<AmiMessage> last) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).has("Event") && last.test(messages.get(i))) {
                return messages.subList(0, i + 1);
            }
        }
        throw new AssertionError("no such message in the capture");
    }

    /**
     * The signatures (event, channel, key fields) without DeviceStateChange (Asterisk's device state comes from another
     * thread at no fixed place), the lab's context replaced by {@code cti-outbound}.
     */
    private static List<String> signatures(List<AmiMessage> messages, String labContext) {
        return messages.stream().filter(m -> !"DeviceStateChange".equals(m.event())).map(Fixtures::signature)
            .map(s -> labContext.isEmpty() ? s : s.replace("@" + labContext, "@cti-outbound")).toList();
    }

    /** Same events in the same order, each with the header layout Asterisk wrote. */
    private static void assertSameEvents(List<AmiMessage> got, List<AmiMessage> expected, String labContext) {
        assertThat(signatures(got, "")).isEqualTo(signatures(expected, labContext));
        List<AmiMessage> g = got.stream().filter(m -> !"DeviceStateChange".equals(m.event())).toList();
        List<AmiMessage> e = expected.stream().filter(m -> !"DeviceStateChange".equals(m.event())).toList();
        for (int i = 0; i < g.size(); i++) {
            assertThat(g.get(i).names()).as("layout of %s", Fixtures.signature(g.get(i))).isEqualTo(e.get(i).names());
        }
    }

    private static void assertFailure(List<AmiMessage> got, String dialString, String reason) {
        AmiMessage r = got.stream().filter(m -> "OriginateResponse".equals(m.event())).findFirst().orElseThrow();
        assertThat(r.get("Response")).isEqualTo("Failure");
        assertThat(r.get("Reason")).isEqualTo(reason);
        assertThat(r.get("Channel")).isEqualTo(dialString);
        assertThat(r.get("Uniqueid")).isEqualTo("<unknown>");
        assertThat(r.get("CallerIDNum")).isEqualTo("+15550007000");
    }

    private static String dialEnd(List<AmiMessage> got) {
        return got.stream().filter(m -> "DialEnd".equals(m.event())).findFirst().orElseThrow().get("DialStatus");
    }

    /** {@code channel=cause} of each Hangup, in order. */
    private static List<String> causes(List<AmiMessage> got) {
        return got.stream().filter(m -> "Hangup".equals(m.event())).map(m -> m.get("Channel") + "=" + m.get("Cause")).toList();
    }

    private static AmiMessage last(List<AmiMessage> messages) {
        return messages.get(messages.size() - 1);
    }
}

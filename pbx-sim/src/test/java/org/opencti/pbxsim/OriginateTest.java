package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Originate over a real AMI socket, compared with what Asterisk wrote in captures 02 and 06. */
class OriginateTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346168, 747161000));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(30)).withPromptDuration(Duration.ofMillis(50))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    /** Messages from {@code from} up to and including the first that matches {@code last}. */
    private List<AmiMessage> until(int from, java.util.function.Predicate<AmiMessage> last) {
        AmiMessage end = ami.awaitFrom(from, last);
        List<AmiMessage> all = ami.messages();
        return all.subList(from, all.indexOf(end) + 1);
    }

    private static List<AmiMessage> capture(String name, String from, String to) {
        return Fixtures.messages(Fixtures.between(Fixtures.txt(name), from, to), "S> ").stream()
            .map(Fixtures::toMessage).toList();
    }

    @Test
    void agentLegOriginateProducesTheEventsOfCapture02InOrderWithTheSameLayouts() {
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: agent-leg-1", "Channel: Local/2001@agents", "Context: agent-leg", "Exten: s",
            "Priority: 1", "CallerID: \"Jane Doe\" <+15551230001>", "Timeout: 20000", "Async: true",
            "Variable: CTI_CALL_ID=c-0001", "Variable: CTI_AGENT=2001");
        // The capture was made before [agent-leg] had its recording line: the GotoIf that skips it (no CTI_RECORD) is
        // the one step Asterisk would add, and is left out of the comparison.
        List<AmiMessage> got = until(mark, m -> "Newexten".equals(m.event()) && "Wait".equals(m.get("Application"))
            && m.get("Channel").endsWith(";2")).stream()
            .filter(m -> !("Newexten".equals(m.event()) && "GotoIf".equals(m.get("Application"))
                && "agent-leg".equals(m.get("Context")))).toList();
        List<AmiMessage> expected = capture("02-inbound-ivr-queue-agent", "C> ActionID: agent-leg-1",
            "# AMI Bridge: Channel1 = caller (;2 of the inbound pair, in MusicOnHold), Channel2 = agent leg (;1, in Wait)");

        assertThat(got.stream().map(Fixtures::signature).toList())
            .isEqualTo(expected.stream().map(Fixtures::signature).toList());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).names()).as("layout of %s", Fixtures.signature(got.get(i)))
                .isEqualTo(expected.get(i).names());
        }
        AmiMessage response = got.stream().filter(m -> "OriginateResponse".equals(m.event())).findFirst().orElseThrow();
        assertThat(response.get("ActionID")).isEqualTo("agent-leg-1");
        assertThat(response.get("Channel")).isEqualTo("Local/2001@agents-00000000;1");
        assertThat(response.get("Uniqueid")).isEqualTo("1795346168.0");
        AmiMessage two = got.get(2);
        assertThat(two.get("Uniqueid")).isEqualTo("1795346168.1");
        assertThat(two.get("Linkedid")).isEqualTo("1795346168.0");
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_ANSWERED && r.subject().equals("2001"));
        assertThat(sim.actionCount("Originate")).isEqualTo(1);
        assertThat(sim.receivedActions()).contains("Login", "Originate");
    }

    @Test
    void aRecordedAgentLegStartsMixMonitorOnceWithTheCallIdAsFileNameAndNotAgainAfterHold() {
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: rec-1", "Channel: Local/2001@agents", "Context: agent-leg", "Exten: s",
            "Priority: 1", "Timeout: 20000", "Async: true", "Variable: CTI_CALL_ID=c-0042", "Variable: CTI_AGENT=2001",
            "Variable: CTI_RECORD=yes");
        AmiMessage started = ami.awaitEventFrom(mark, "MixMonitorStart", m -> true);
        AmiMessage waiting = ami.awaitEventFrom(mark, "Newexten", m -> "Wait".equals(m.get("Application"))
            && "agent-leg".equals(m.get("Context")));
        String leg = waiting.get("Channel");
        assertThat(started.get("Channel")).isEqualTo(leg);
        assertThat(sim.history()).filteredOn(r -> r.kind() == SimRecord.Kind.RECORDING_STARTED)
            .singleElement().satisfies(r -> assertThat(r.detail()).isEqualTo("c-0042.wav"));

        // back from hold: the leg runs [agent-leg] again, and must not start a second recording over the first
        int again = ami.mark();
        ami.action("Redirect", "Channel: " + leg, "Context: agent-leg", "Exten: s", "Priority: 1");
        ami.awaitEventFrom(again, "Newexten", m -> "Wait".equals(m.get("Application")) && leg.equals(m.get("Channel")));
        assertThat(ami.since(again)).noneMatch(m -> "MixMonitorStart".equals(m.event()));
        assertThat(sim.history()).filteredOn(r -> r.kind() == SimRecord.Kind.RECORDING_STARTED).hasSize(1);
    }

    @Test
    void busyPhoneFailsWithReason5LikeCapture06() {
        sim.phone("5552001").busy();
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: out-busy", "Channel: Local/5552001@busy-sim", "Context: agent-dial",
            "Exten: 2001", "Priority: 1", "CallerID: \"Campaign 7\" <+15550007000>", "Timeout: 30000", "Async: true");
        List<AmiMessage> got = until(mark, m -> "Hangup".equals(m.event()) && m.get("Channel").endsWith(";1"));
        List<AmiMessage> expected = capture("06-outbound", "C> ActionID: out-busy", "# =================== C: no answer "
            + "(Originate Timeout 8000 ms) ===================");

        List<String> want = expected.stream().filter(m -> !"DeviceStateChange".equals(m.event()))
            .map(Fixtures::signature).toList();
        assertThat(got.stream().filter(m -> !"DeviceStateChange".equals(m.event())).map(Fixtures::signature).toList())
            .isEqualTo(want);
        AmiMessage failure = got.stream().filter(m -> "OriginateResponse".equals(m.event())).findFirst().orElseThrow();
        assertThat(failure.names()).isEqualTo(expected.stream().filter(m -> "OriginateResponse".equals(m.event()))
            .findFirst().orElseThrow().names());
        assertThat(failure.get("Channel")).isEqualTo("Local/5552001@busy-sim");
        assertThat(failure.get("Uniqueid")).isEqualTo("<unknown>");
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_BUSY && r.subject().equals("5552001"));
    }

    @Test
    void phoneThatNeverAnswersFailsWithReason3WhenTheOriginateTimesOut() {
        sim.phone("2002").noAnswer();
        int mark = ami.mark();
        AmiMessage queued = ami.action("Originate", "Channel: Local/2002@agents", "Context: agent-leg", "Exten: s",
            "Priority: 1", "Timeout: 300", "Async: true");
        assertThat(queued.get("Message")).isEqualTo("Originate successfully queued");

        List<AmiMessage> got = until(mark, m -> "Hangup".equals(m.event()) && m.get("Channel").endsWith(";1"));
        List<String> sig = got.stream().map(Fixtures::signature).toList();
        assertThat(sig).containsSubsequence(
            "Newstate Local/2002@agents-N;1 ChannelStateDesc=Ringing",
            "DialState Local/2002@agents-N;1 DialStatus=RINGING",
            "HangupRequest Local/2002@agents-N;2 ChannelStateDesc=Ring Cause=19",
            "OriginateResponse Local/2002@agents Reason=3 Response=Failure",
            "Hangup Local/2002@agents-N;2 ChannelStateDesc=Ring Cause=19",
            "Hangup Local/2002@agents-N;1 ChannelStateDesc=Ringing Cause=19");
        assertThat(sig).noneMatch(s -> s.startsWith("DialEnd"));
        assertThat(got.stream().filter(m -> "OriginateResponse".equals(m.event())).findFirst().orElseThrow().actionId())
            .isEqualTo(queued.actionId());
        assertThat(sim.channels()).isEmpty();
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_NO_ANSWER && r.subject().equals("2002"));
    }

    @Test
    void phoneThatAnswersOnReleaseRingsUntilReleased() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        List<String> answeredExts = new ArrayList<>();
        sim.onAgentAnswered(ext -> {
            answeredExts.add(ext);
            answered.countDown();
        });
        PhoneBehaviour phone = sim.phone("2003").answerOnRelease();
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/2003@agents", "Context: agent-leg", "Exten: s", "Priority: 1",
            "Timeout: 20000", "Async: true");
        ami.awaitEventFrom(mark, "DialState", m -> "RINGING".equals(m.get("DialStatus")));
        ami.awaitEventFrom(mark, "Newexten", m -> "Wait".equals(m.get("Application")) && m.get("Channel").endsWith(";2"));
        assertThat(ami.since(mark)).noneMatch(m -> "OriginateResponse".equals(m.event()));
        assertThat(answered.getCount()).isEqualTo(1);

        phone.release();

        AmiMessage ok = ami.awaitEventFrom(mark, "OriginateResponse", m -> true);
        assertThat(ok.get("Response")).isEqualTo("Success");
        assertThat(ok.get("Reason")).isEqualTo("4");
        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(answeredExts).containsExactly("2003");
        ami.awaitEventFrom(mark, "Newexten", m -> "agent-leg".equals(m.get("Context")) && "Wait".equals(m.get("Application")));
    }

    @Test
    void phoneThatAnswersAfterADelayRingsFirst() {
        sim.phone("2004").answerAfter(Duration.ofMillis(200));
        int mark = ami.mark();
        ami.action("Originate", "Channel: PJSIP/2004", "Context: agent-leg", "Exten: s", "Priority: 1", "Async: true",
            "CallerID: \"Jane Doe\" <+15551230001>");

        AmiMessage ok = ami.awaitEventFrom(mark, "OriginateResponse", m -> true);
        List<String> sig = ami.since(mark).stream().map(Fixtures::signature).toList();
        assertThat(sig).containsSubsequence("Newchannel PJSIP/2004-00000000 ChannelStateDesc=Down",
            "Newstate PJSIP/2004-00000000 ChannelStateDesc=Ringing", "Newstate PJSIP/2004-00000000 ChannelStateDesc=Up",
            "DialEnd PJSIP/2004-00000000 DialStatus=ANSWER");
        assertThat(ok.get("Channel")).isEqualTo("PJSIP/2004-00000000");
        ami.awaitEventFrom(mark, "Newexten", m -> "PJSIP/2004-00000000".equals(m.get("Channel"))
            && "agent-leg".equals(m.get("Context")) && "Wait".equals(m.get("Application")));
    }

    @Test
    void synchronousOriginateAnswersAfterTheOutcomeAndUnknownTechnologyFails() {
        AmiMessage ok = ami.action("Originate", "Channel: Local/2005@agents", "Application: Wait", "Data: 10");
        assertThat(ok.get("Response")).isEqualTo("Success");
        assertThat(sim.channels()).extracting(SimChannel::name).contains("Local/2005@agents-00000000;1");

        AmiMessage failed = ami.action("Originate", "Channel: Foo/bar", "Application: Wait");
        assertThat(failed.get("Response")).isEqualTo("Error");
        assertThat(failed.get("Message")).isEqualTo("Originate failed");

        AmiMessage missing = ami.action("Originate", "Exten: 100", "Context: agents", "Priority: 1");
        assertThat(missing.get("Message")).isEqualTo("Channel not specified");
    }
}

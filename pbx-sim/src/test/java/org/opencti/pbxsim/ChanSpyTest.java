package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supervisor listen, whisper and barge through ChanSpy, compared with what Asterisk wrote in capture 05. */
class ChanSpyTest {
    private static final String CAPTURE = "05-supervisor-spy";
    private static final String AGENT_LEG = "Local/2001@agents-00000001;1";
    private static final String CALLER = "Local/5551006@cti-hold-00000000;2";

    /** The supervisor's phone half reaches Wait(3600) after its answer. */
    private static final Predicate<AmiMessage> SUPERVISOR_PHONE_WAITS = m -> "Newexten".equals(m.event())
        && m.get("Channel").startsWith("Local/3001@agents-") && m.get("Channel").endsWith(";2") && "Wait".equals(m.get("Application"));

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346233, 415313000));
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() {
        // The phone's Wait after Answer comes ~120 ms after the answer in the capture, after ChanSpyStart (100 ms).
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(150)).withPromptDuration(Duration.ofMillis(50))
            .withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
        bridgedCallerAndAgent();
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    /** The capture's setup: caller 5551006 in cti-hold, agent 2001's leg, AMI Bridge. */
    private void bridgedCallerAndAgent() {
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/5551006@cti-hold", "Application: Milliwatt",
            "CallerID: \"Cy Dee\" <+15551230006>", "Timeout: 30000", "Async: true");
        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> CALLER.equals(m.get("Channel")));
        ami.action("Originate", "Channel: Local/2001@agents", "Context: agent-leg", "Exten: s", "Priority: 1",
            "Timeout: 20000", "Async: true", "CallerID: \"Cy Dee\" <+15551230006>");
        ami.awaitEventFrom(mark, "Newexten", m -> AGENT_LEG.equals(m.get("Channel")) && "Wait".equals(m.get("Application")));
        ami.awaitEventFrom(mark, "Newexten", m -> "Local/2001@agents-00000001;2".equals(m.get("Channel"))
            && "Wait".equals(m.get("Application")));
        ami.action("Bridge", "Channel1: " + CALLER, "Channel2: " + AGENT_LEG, "Tone: no");
        ami.awaitEventFrom(mark, "VarSet", m -> AGENT_LEG.equals(m.get("Channel")) && "BRIDGEPEER".equals(m.get("Variable")));
    }

    /**
     * From the originate's response to the supervisor's phone waiting in ChanSpy. A DeviceStateChange of the step before
     * (Asterisk raises them from its device-state thread) may still arrive after the originate was sent: it is not part
     * of this step.
     */
    private List<AmiMessage> spyStart(int mark) {
        List<AmiMessage> got = until(mark, SUPERVISOR_PHONE_WAITS);
        int first = 0;
        while (first < got.size() && "DeviceStateChange".equals(got.get(first).event())) {
            first++;
        }
        return got.subList(first, got.size());
    }

    private List<AmiMessage> until(int from, Predicate<AmiMessage> last) {
        AmiMessage end = ami.awaitFrom(from, last);
        List<AmiMessage> all = ami.messages();
        return all.subList(from, all.indexOf(end) + 1);
    }

    /** The capture's messages after line {@code from} and before line {@code to}, cut after the first {@code last}. */
    private static List<AmiMessage> capture(String from, String to, Predicate<AmiMessage> last) {
        List<AmiMessage> all = Fixtures.messages(Fixtures.between(Fixtures.txt(CAPTURE), from, to), "S> ").stream()
            .map(Fixtures::toMessage).toList();
        for (int i = 0; i < all.size(); i++) {
            if (last.test(all.get(i))) {
                return all.subList(0, i + 1);
            }
        }
        throw new IllegalArgumentException("no such message in " + CAPTURE + " after " + from);
    }

    private static Predicate<AmiMessage> event(String event, String channelSuffix) {
        return m -> event.equals(m.event()) && m.get("Channel") != null && m.get("Channel").endsWith(channelSuffix);
    }

    private static void sameSequenceAndLayouts(List<AmiMessage> got, List<AmiMessage> expected) {
        assertThat(got.stream().map(Fixtures::signature).toList())
            .isEqualTo(expected.stream().map(Fixtures::signature).toList());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).names()).as("layout of %s", Fixtures.signature(got.get(i))).isEqualTo(expected.get(i).names());
        }
    }

    private int spy(String actionId, String options) {
        int mark = ami.mark();
        ami.send("Action: Originate", "ActionID: " + actionId, "Channel: Local/3001@agents", "Application: ChanSpy",
            "Data: " + AGENT_LEG + "," + options, "CallerID: \"Supervisor\" <3001>", "Timeout: 20000", "Async: true");
        return mark;
    }

    private int hangUpSupervisor(String actionId, String channel) {
        int mark = ami.mark();
        ami.send("Action: Hangup", "ActionID: " + actionId, "Channel: " + channel);
        return mark;
    }

    @Test
    void listenRingsTheSupervisorThenChanSpyStartsOnTheAgentLegLikeCapture05() {
        int mark = spy("spy-listen", "qE");
        List<AmiMessage> got = spyStart(mark);
        sameSequenceAndLayouts(got, capture("C> ActionID: spy-listen", "# end of listen: hang up the supervisor leg",
            SUPERVISOR_PHONE_WAITS));

        AmiMessage response = got.stream().filter(m -> "OriginateResponse".equals(m.event())).findFirst().orElseThrow();
        assertThat(response.get("Application")).isEqualTo("ChanSpy");
        assertThat(response.get("Data")).isEqualTo(AGENT_LEG + ",qE");
        AmiMessage start = got.stream().filter(m -> "ChanSpyStart".equals(m.event())).findFirst().orElseThrow();
        assertThat(start.get("SpyerChannel")).isEqualTo("Local/3001@agents-00000002;1");
        assertThat(start.get("SpyerContext")).isEqualTo("agents");
        assertThat(start.get("SpyerExten")).isEqualTo("3001");
        assertThat(start.get("SpyerCallerIDName")).isEqualTo("Supervisor");
        assertThat(start.get("SpyeeChannel")).isEqualTo(AGENT_LEG);
        assertThat(start.get("SpyeeContext")).isEqualTo("agent-leg");
        assertThat(start.get("SpyeeLinkedid")).as("the agent leg joined the caller's call")
            .isEqualTo(sim.channel(CALLER).orElseThrow().linkedid());
        assertThat(start.get("SpyerLinkedid")).as("the supervisor keeps a Linkedid of their own").isEqualTo(response.get("Uniqueid"));
        assertThat(sim.spies()).containsExactly(new SimSpy("Local/3001@agents-00000002;1", AGENT_LEG, "qE"));

        int hang = hangUpSupervisor("spy-listen-hangup", "Local/3001@agents-00000002;1");
        List<AmiMessage> ended = until(hang, event("Hangup", "-00000002;2"));
        sameSequenceAndLayouts(ended, capture("C> ActionID: spy-listen-hangup",
            "# =================== whisper: ChanSpy(Local/2001@agents-00000001;1,qEw) ===================",
            event("Hangup", ";2")));
        assertThat(ended.stream().filter(m -> "Hangup".equals(m.event())).map(m -> m.get("Cause")).toList())
            .containsExactly("0", "0");
        assertThat(sim.spies()).isEmpty();
        assertThat(sim.isBridged(new SimCall(CALLER, "", "", "", "", "", ""))).as("the spied-on call goes on").isTrue();
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.SPY_STARTED
            && r.subject().equals("Local/3001@agents-00000002;1") && r.detail().equals(AGENT_LEG + ",qE"));
        assertThat(sim.history()).anyMatch(r -> r.kind() == SimRecord.Kind.SPY_STOPPED && r.detail().equals(AGENT_LEG));
    }

    @Test
    void whisperAndBargeStartAndStopWithTheCapturedEvents() {
        listenAndHangUp();
        int mark = spy("spy-whisper", "qEw");
        List<AmiMessage> got = spyStart(mark);
        sameSequenceAndLayouts(got, capture("C> ActionID: spy-whisper", "# end of whisper: hang up the supervisor leg",
            SUPERVISOR_PHONE_WAITS));
        assertThat(sim.spies()).singleElement().matches(SimSpy::whisper);

        int hang = hangUpSupervisor("spy-whisper-hangup", "Local/3001@agents-00000003;1");
        List<AmiMessage> ended = until(hang, event("Hangup", "-00000003;2"));
        List<AmiMessage> expected = capture("C> ActionID: spy-whisper-hangup",
            "# =================== barge: ChanSpy(Local/2001@agents-00000001;1,qEB) ===================", event("Hangup", ";2"));
        // After ChanSpyStop Asterisk interleaves the last two BRIDGEPEER VarSets and the first DeviceStateChange with
        // the supervisor's hangup (two threads); the simulator writes the VarSets together, just after ChanSpyStop, and
        // the DeviceStateChange where it does after listen and barge. Same events, same order otherwise.
        Predicate<AmiMessage> settled = m -> !"VarSet".equals(m.event()) && !"DeviceStateChange".equals(m.event());
        assertThat(ended.stream().filter(settled).map(Fixtures::signature).toList())
            .isEqualTo(expected.stream().filter(settled).map(Fixtures::signature).toList());
        Predicate<AmiMessage> notDevice = m -> !"DeviceStateChange".equals(m.event());
        assertThat(ended.stream().filter(notDevice).map(Fixtures::signature).sorted().toList())
            .isEqualTo(expected.stream().filter(notDevice).map(Fixtures::signature).sorted().toList());

        mark = spy("spy-barge", "qEB");
        got = spyStart(mark);
        sameSequenceAndLayouts(got, capture("C> ActionID: spy-barge", "# end of barge: hang up the supervisor leg",
            SUPERVISOR_PHONE_WAITS));
        assertThat(sim.spies()).singleElement().matches(SimSpy::barge);
        hang = hangUpSupervisor("spy-barge-hangup", "Local/3001@agents-00000004;1");
        ended = until(hang, event("Hangup", "-00000004;2"));
        // DeviceStateChange comes from Asterisk's device-state thread: after barge both came after the last Hangup.
        sameSequenceAndLayouts(ended.stream().filter(notDevice).toList(), capture("C> ActionID: spy-barge-hangup",
            "# end: hang up the caller", event("Hangup", ";2")).stream().filter(notDevice).toList());
    }

    private void listenAndHangUp() {
        int mark = spy("spy-listen", "qE");
        ami.awaitEventFrom(mark, "ChanSpyStart", m -> true);
        mark = hangUpSupervisor("spy-listen-hangup", "Local/3001@agents-00000002;1");
        until(mark, event("Hangup", "-00000002;2"));
    }

    @Test
    void whenTheSpiedOnCallEndsTheSpyStopsAndTheSupervisorIsHungUp() {
        int mark = spy("spy-listen", "qE");
        ami.awaitEventFrom(mark, "ChanSpyStart", m -> true);
        mark = ami.mark();
        ami.action("Hangup", "Channel: " + AGENT_LEG);

        AmiMessage stop = ami.awaitEventFrom(mark, "ChanSpyStop", m -> true);
        assertThat(stop.get("SpyeeChannel")).isEqualTo(AGENT_LEG);
        ami.awaitEventFrom(mark, "Hangup", m -> "Local/3001@agents-00000002;2".equals(m.get("Channel")));
        List<String> order = ami.since(mark).stream().filter(m -> "ChanSpyStop".equals(m.event()) || "Hangup".equals(m.event()))
            .map(m -> m.event() + " " + (m.has("Channel") ? m.get("Channel") : m.get("SpyeeChannel"))).toList();
        assertThat(order).containsSubsequence("ChanSpyStop " + AGENT_LEG, "Hangup " + AGENT_LEG,
            "Hangup Local/3001@agents-00000002;1", "Hangup Local/3001@agents-00000002;2");
        assertThat(sim.spies()).isEmpty();
        assertThat(sim.channels()).extracting(SimChannel::name).noneMatch(n -> n.startsWith("Local/3001@agents"));
    }

    @Test
    void aTargetThatDoesNotExistIsWaitedForUntilTheSupervisorHangsUp() {
        int mark = ami.mark();
        ami.action("Originate", "Channel: Local/3001@agents", "Application: ChanSpy", "Data: Local/2999@agents-0000ffff;1,qE",
            "Timeout: 20000", "Async: true");
        ami.awaitEventFrom(mark, "OriginateResponse", m -> "Success".equals(m.get("Response")));
        SimRecord waiting = awaitRecord(SimRecord.Kind.SPY_WAITING);
        assertThat(waiting.detail()).isEqualTo("Local/2999@agents-0000ffff;1");
        assertThat(sim.spies()).isEmpty();
        assertThat(ami.since(mark)).noneMatch(m -> "ChanSpyStart".equals(m.event()));
        sim.agentHangsUp("3001");
        ami.awaitEventFrom(mark, "Hangup", m -> "Local/3001@agents-00000002;1".equals(m.get("Channel")));
        assertThat(ami.since(mark)).noneMatch(m -> "ChanSpyStop".equals(m.event()));
    }

    private SimRecord awaitRecord(SimRecord.Kind kind) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            var found = sim.history().stream().filter(r -> r.kind() == kind).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            LockSupport.parkNanos(5_000_000);
        }
        throw new AssertionError("no " + kind + " in " + sim.history());
    }
}

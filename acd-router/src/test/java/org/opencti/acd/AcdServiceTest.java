package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

class AcdServiceTest {
    private static final Duration WRAP = Duration.ofSeconds(10);
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T09:00:00Z"));
    private final RecordingPbx pbx = new RecordingPbx();
    private final List<DesktopEvent> pushed = new ArrayList<>();
    private final List<InteractionRecord> history = new ArrayList<>();
    private final Map<String, AgentStatus> shared = new ConcurrentHashMap<>();
    private AcdService acd;

    @BeforeEach
    void setUp() {
        List<QueueSetup> queues = List.of(
            QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)), WRAP, Duration.ofSeconds(15)),
            QueueSetup.simple("spanish", List.of(new SkillRequirement("spanish", 7)), WRAP, Duration.ofSeconds(15)));
        List<AgentProfile> agents = List.of(
            new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 8)),
            new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("billing", 5, "spanish", 9)),
            new AgentProfile("2003", "Cy", "blue", "Local/2003@agents", Map.of("billing", 3)));
        CustomerDirectory directory = new CustomerDirectory() {
            @Override
            public Optional<CustomerProfile> findByPhone(String e164, int recent) {
                return e164.equals("+15551230001")
                    ? Optional.of(new CustomerProfile(new Customer(7, "Ms", "Jane", "Doe", "Gold", "A-1", List.of(e164)), List.of()))
                    : Optional.empty();
            }

            @Override
            public Customer save(Customer customer) {
                return customer;
            }

            @Override
            public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
                return Optional.empty();
            }
        };
        AgentStateStore store = new AgentStateStore() {
            @Override
            public void put(AgentStatus status) {
                shared.put(status.agentId(), status);
            }

            @Override
            public Optional<AgentStatus> get(String agentId) {
                return Optional.ofNullable(shared.get(agentId));
            }

            @Override
            public Map<String, AgentStatus> all() {
                return Map.copyOf(shared);
            }
        };
        ScreenPopService pops = new ScreenPopService(directory, new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(pbx, pops, pushed::add, store, new ListHistory(history), Runnable::run);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports,
            SingleWriter.inline(), time, new SimpleMeterRegistry());
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private AgentState state(String agent) {
        return done(acd.status(agent)).orElseThrow().state();
    }

    private void ready(String agent) {
        done(acd.login(agent));
        done(acd.ready(agent));
    }

    private ChannelRef callerOnHold(String uid, String number, String queue) {
        ChannelRef ch = new ChannelRef(uid, "Local/" + number + "@cti-hold-0000000" + uid.charAt(uid.length() - 1) + ";2", uid);
        Instant now = time.now();
        acd.onPbxEvent(new PbxEvent.ChannelCreated(now, ch, "<unknown>", "<unknown>", "cti-hold", number));
        acd.onPbxEvent(new PbxEvent.CallerIdChanged(now, ch, number, "Jane Doe"));
        if (queue != null) {
            acd.onPbxEvent(new PbxEvent.VariableSet(now, ch, "CTI_QUEUE", queue));
        }
        acd.onPbxEvent(new PbxEvent.DialplanStep(now, ch, "cti-hold", "s", 1, "NoOp", number, "Jane Doe"));
        acd.onPbxEvent(new PbxEvent.DialplanStep(now, ch, "cti-hold", "s", 2, "Answer", number, "Jane Doe"));
        return ch;
    }

    private PbxEvent.OriginateCompleted answered(String legUid, String agent) {
        return new PbxEvent.OriginateCompleted(time.now(), pbx.lastReference(), true, 4, legUid,
            "Local/" + agent + "@agents-0000000a;1");
    }

    @Test
    void offersPopsBeforeRingingBridgesOnAnswerAndWrapsUpAfterHangup() {
        ready("2001");
        ChannelRef caller = callerOnHold("100.1", "+15551230001", "billing");

        assertThat(pushed).extracting(e -> e.getClass().getSimpleName())
            .containsSubsequence("CallOffered", "ScreenPopped", "AgentStateChanged");
        DesktopEvent.ScreenPopped pop = (DesktopEvent.ScreenPopped) pushed.stream()
            .filter(e -> e instanceof DesktopEvent.ScreenPopped).findFirst().orElseThrow();
        assertThat(pop.pop().outcome()).isEqualTo(ScreenPop.Outcome.FOUND);
        assertThat(pop.pop().profile().customer().lastName()).isEqualTo("Doe");
        assertThat(pbx.actions).containsExactly("originate Local/2001@agents -> agent-leg");
        assertThat(pbx.originates.get(pbx.lastReference()).variables()).containsEntry("CTI_AGENT", "2001");
        assertThat(state("2001")).isEqualTo(AgentState.RINGING);

        pbx.answer(pbx.lastReference(), answered("100.9", "2001"));
        assertThat(pbx.actions).contains("bridge " + caller.name() + " + Local/2001@agents-0000000a;1");
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);

        time.advance(Duration.ofSeconds(30));
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), caller, 16, "Normal Clearing"));
        assertThat(pbx.actions).contains("hangup Local/2001@agents-0000000a;1");
        assertThat(state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("answered");
            assertThat(r.agentId()).isEqualTo("2001");
            assertThat(r.key()).isEqualTo("100.1/100.9");
            assertThat(r.customerId()).as("the customer the pop found").isEqualTo(7L);
        });

        time.advance(WRAP.minusSeconds(1));
        assertThat(state("2001")).isEqualTo(AgentState.WRAP_UP);
        time.advance(Duration.ofSeconds(1));
        assertThat(state("2001")).isEqualTo(AgentState.READY);
        assertThat(shared.get("2001").state()).isEqualTo(AgentState.READY);
        assertThat(acd.followedChannelCount().toCompletableFuture().join()).as("an ended call is forgotten").isZero();
    }

    @Test
    void picksTheLongestIdleAgentWhoHasTheSkills() {
        ready("2003");
        time.advance(Duration.ofSeconds(1));
        ready("2002");
        time.advance(Duration.ofSeconds(1));
        ready("2001");
        callerOnHold("100.1", "+15551230002", "billing");
        // 2003 has waited longest but billing level 3 is below the queue's 5; 2002 is next longest idle.
        assertThat(pbx.actions).containsExactly("originate Local/2002@agents -> agent-leg");
        callerOnHold("100.2", "+15551230003", "spanish");
        assertThat(pbx.actions).hasSize(1);
        assertThat(done(acd.waitingCalls())).extracting(WaitingCall::queue).containsExactly("spanish");
    }

    @Test
    void ringNoAnswerMakesTheAgentNotReadyAndPutsTheCallBackAtTheHead() {
        ready("2001");
        callerOnHold("100.1", "+15551230002", "billing");
        time.advance(Duration.ofSeconds(5));
        callerOnHold("100.2", "+15551230003", "billing");
        pbx.fail(pbx.lastReference(), 3);
        assertThat(state("2001")).isEqualTo(AgentState.NOT_READY);
        assertThat(done(acd.status("2001")).orElseThrow().reason()).isEqualTo("ring no answer");
        assertThat(done(acd.waitingCalls())).extracting(WaitingCall::callId).containsExactly("c-100.1", "c-100.2");

        ready("2002");
        assertThat(pbx.actions).last().isEqualTo("originate Local/2002@agents -> agent-leg");
        assertThat(pbx.originates.get(pbx.lastReference()).variables()).containsEntry("CTI_CALL_ID", "c-100.1");
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsRecordedAsAbandoned() {
        ChannelRef caller = callerOnHold("100.1", "+15551230002", null);
        assertThat(done(acd.waitingCalls())).extracting(WaitingCall::queue).containsExactly("billing");
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), caller, 16, "Normal Clearing"));
        assertThat(done(acd.waitingCalls())).isEmpty();
        assertThat(history).singleElement().extracting(InteractionRecord::outcome).isEqualTo("abandoned");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentRingsReleasesTheAgentWhenTheLegAnswers() {
        ready("2001");
        ChannelRef caller = callerOnHold("100.1", "+15551230002", "billing");
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), caller, 16, "Normal Clearing"));
        pbx.answer(pbx.lastReference(), answered("100.9", "2001"));
        assertThat(pbx.actions).last().isEqualTo("hangup Local/2001@agents-0000000a;1");
        assertThat(state("2001")).isEqualTo(AgentState.READY);
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), new ChannelRef("100.9", "Local/2001@agents-0000000a;1", "100.1"), 16,
            "Normal Clearing"));
        assertThat(acd.followedChannelCount().toCompletableFuture().join()).as("nothing kept of the abandoned call").isZero();
    }

    @Test
    void aPbxRestartEndsConnectedCallsAndAResyncQueuesCallersWeMissed() {
        ready("2001");
        callerOnHold("100.1", "+15551230002", "billing");
        pbx.answer(pbx.lastReference(), answered("100.9", "2001"));
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);

        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(), true));
        assertThat(state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(done(acd.liveCallCount())).isZero();

        ChannelRef missed = new ChannelRef("200.4", "Local/5551@cti-hold-00000004;2", "200.3");
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(new LiveChannel(missed, ChannelState.UP,
            "+15551239999", "Late Caller", "cti-hold", "s", "MusicOnHold", "")), false));
        assertThat(done(acd.waitingCalls())).extracting(WaitingCall::callId).containsExactly("c-200.4");
    }

    @Test
    void aCallerWhoseCallEndedHereIsNotQueuedAgainByAResyncButHungUpAgain() {
        ready("2001");
        ChannelRef caller = callerOnHold("100.1", "+15551230002", "billing");
        pbx.answer(pbx.lastReference(), answered("100.9", "2001"));
        ChannelRef leg = new ChannelRef("100.9", "Local/2001@agents-0000000a;1", "100.1");
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), leg, 16, "Normal Clearing")); // the agent hangs up
        assertThat(pbx.actions).last().isEqualTo("hangup " + caller.name());
        assertThat(history).hasSize(1);

        // the AMI link dropped before the hangup reached Asterisk: the resync still lists the caller in cti-hold
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(new LiveChannel(caller, ChannelState.UP,
            "+15551230002", "Jane Doe", "cti-hold", "s", "MusicOnHold", "")), false));

        assertThat(done(acd.waitingCalls())).as("not a new caller").isEmpty();
        assertThat(pbx.actions.stream().filter(a -> a.equals("hangup " + caller.name()))).as("asked again").hasSize(2);
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), caller, 16, "Normal Clearing"));
        assertThat(history).as("still one interaction").hasSize(1);
    }

    @Test
    void anAgentOnACallCannotGoReadyOrLogOut() {
        ready("2001");
        callerOnHold("100.1", "+15551230002", "billing");
        assertThatThrownBy(() -> done(acd.ready("2001"))).hasRootCauseMessage(
            "agent 2001 cannot go ready while ringing on call c-100.1");
        assertThatThrownBy(() -> done(acd.ready("9999"))).hasRootCauseMessage("unknown agent \"9999\"");
    }
}

package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.SpyMode;
import org.opencti.core.port.SpyRequest;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

class SupervisorActionsTest {
    private static final String LEG = "Local/2001@agents-0000000a;1";
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T09:00:00Z"));
    private final RecordingPbx pbx = new RecordingPbx();
    private AcdService acd;
    private SupervisorActions supervisors;

    @BeforeEach
    void setUp() {
        List<QueueSetup> queues = List.of(QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)),
            Duration.ofSeconds(10), Duration.ofSeconds(15)));
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 8)),
            new AgentProfile("2002", "Bob", "red", "Local/2002@agents", Map.of("billing", 8)));
        CustomerDirectory directory = new CustomerDirectory() {
            @Override
            public Optional<CustomerProfile> findByPhone(String e164, int recent) {
                return Optional.empty();
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
                // not shared in this test
            }

            @Override
            public Optional<AgentStatus> get(String agentId) {
                return Optional.empty();
            }

            @Override
            public Map<String, AgentStatus> all() {
                return Map.of();
            }
        };
        ScreenPopService pops = new ScreenPopService(directory, new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(pbx, pops, e -> { }, store, new ListHistory(), Runnable::run);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, SingleWriter.inline(), time,
            new SimpleMeterRegistry());
        supervisors = new SupervisorActions(acd, pbx, Map.of("3001", "Local/3001@agents"));
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Agent 2001 ready, a caller on hold, the agent's leg answered and bridged. */
    private void agentOnCall() {
        done(acd.login("2001"));
        done(acd.ready("2001"));
        ChannelRef ch = new ChannelRef("100.1", "Local/5551006@cti-hold-00000000;2", "100.1");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), ch, null, null, "cti-hold", "5551006"));
        acd.onPbxEvent(new PbxEvent.CallerIdChanged(time.now(), ch, "+15551230006", "Cy Dee"));
        acd.onPbxEvent(new PbxEvent.VariableSet(time.now(), ch, "CTI_QUEUE", "billing"));
        acd.onPbxEvent(new PbxEvent.DialplanStep(time.now(), ch, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
        String reference = pbx.lastReference();
        pbx.answer(reference, new PbxEvent.OriginateCompleted(time.now(), reference, true, 4, "100.9", LEG));
        assertThat(done(acd.status("2001")).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    }

    private PbxEvent.OriginateCompleted supervisorAnswered(String channel) {
        SpyRequest last = pbx.spies.get(pbx.spies.size() - 1);
        return new PbxEvent.OriginateCompleted(time.now(), last.reference(), true, 4, "200.1", channel);
    }

    @Test
    void theAgentLineShowsTeamStateAndTheLegOnlyWhileConnected() {
        AgentLine idle = done(supervisors.agent("2001"));
        assertThat(idle).isEqualTo(new AgentLine("2001", "blue", AgentState.LOGGED_OUT, null, null));
        assertThat(idle.onCall()).isFalse();
        agentOnCall();
        AgentLine talking = done(supervisors.agent("2001"));
        assertThat(talking.agentLegChannel()).isEqualTo(LEG);
        assertThat(talking.callId()).isNotNull();
        assertThat(talking.onCall()).isTrue();
        assertThatThrownBy(() -> done(supervisors.agent("9999"))).hasCauseInstanceOf(NoSuchElementException.class)
            .hasMessageContaining("unknown agent \"9999\"");
    }

    @Test
    void listenRingsTheSupervisorsOwnPhoneIntoChanSpyOnTheAgentsLeg() {
        agentOnCall();
        CompletionStage<SupervisorActions.Spy> spy = supervisors.spy("3001", "Sam \"The\" Reyes", "2001", SpyMode.LISTEN);
        assertThat(pbx.spies).hasSize(1);
        SpyRequest request = pbx.spies.get(0);
        assertThat(request.supervisorDialString()).isEqualTo("Local/3001@agents");
        assertThat(request.targetChannel()).isEqualTo(LEG);
        assertThat(request.data()).isEqualTo(LEG + ",qE");
        assertThat(request.callerId()).isEqualTo("\"Sam The Reyes\" <3001>");
        assertThat(spy.toCompletableFuture()).isNotDone();

        pbx.answer(request.reference(), supervisorAnswered("Local/3001@agents-00000002;1"));
        assertThat(done(spy)).isEqualTo(new SupervisorActions.Spy("2001", SpyMode.LISTEN, LEG, "Local/3001@agents-00000002;1"));
    }

    @Test
    void whisperAfterListenHangsUpTheListeningPhoneFirst() {
        agentOnCall();
        CompletionStage<SupervisorActions.Spy> listen = supervisors.spy("3001", "Sam", "2001", SpyMode.LISTEN);
        pbx.answer(pbx.spies.get(0).reference(), supervisorAnswered("Local/3001@agents-00000002;1"));
        done(listen);

        CompletionStage<SupervisorActions.Spy> whisper = supervisors.spy("3001", "Sam", "2001", SpyMode.WHISPER);
        assertThat(pbx.actions).containsSubsequence("spy Local/3001@agents -> " + LEG + ",qE",
            "hangup Local/3001@agents-00000002;1", "spy Local/3001@agents -> " + LEG + ",qEw");
        pbx.answer(pbx.spies.get(1).reference(), supervisorAnswered("Local/3001@agents-00000003;1"));
        assertThat(done(whisper).mode()).isEqualTo(SpyMode.WHISPER);

        CompletionStage<SupervisorActions.Spy> barge = supervisors.spy("3001", "Sam", "2001", SpyMode.BARGE);
        assertThat(pbx.actions).contains("hangup Local/3001@agents-00000003;1");
        assertThat(pbx.spies.get(2).data()).isEqualTo(LEG + ",qEB");
        pbx.answer(pbx.spies.get(2).reference(), supervisorAnswered("Local/3001@agents-00000004;1"));
        assertThat(done(barge).supervisorChannel()).isEqualTo("Local/3001@agents-00000004;1");
    }

    @Test
    void spyingOnAnAgentWhoIsNotOnACallFailsWithTheReason() {
        done(acd.login("2001"));
        assertThatThrownBy(() -> done(supervisors.spy("3001", "Sam", "2001", SpyMode.LISTEN)))
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("agent 2001 is not on a call (not ready)");
        assertThat(pbx.spies).isEmpty();
    }

    @Test
    void aSupervisorWithoutAPhoneOrAnUnansweredPhoneFails() {
        agentOnCall();
        assertThatThrownBy(() -> done(supervisors.spy("3002", "Lee", "2001", SpyMode.LISTEN)))
            .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("no phone is configured for 3002");

        CompletionStage<SupervisorActions.Spy> spy = supervisors.spy("3001", "Sam", "2001", SpyMode.BARGE);
        pbx.fail(pbx.spies.get(0).reference(), 3);
        assertThatThrownBy(() -> done(spy)).hasCauseInstanceOf(SupervisorActions.PhoneNotAnswered.class)
            .hasMessageContaining("the phone of 3001 did not answer (no answer)");
    }

    @Test
    void forceNotReadyAndLogoutGoThroughTheAcdAndAreRefusedDuringACall() {
        done(acd.login("2002"));
        done(acd.ready("2002"));
        assertThat(done(supervisors.forceNotReady("2002", null)).reason()).isEqualTo("set by supervisor");
        assertThat(done(supervisors.forceNotReady("2002", "coaching")).reason()).isEqualTo("coaching");
        assertThat(done(supervisors.forceLogout("2002")).state()).isEqualTo(AgentState.LOGGED_OUT);

        agentOnCall();
        assertThatThrownBy(() -> done(supervisors.forceLogout("2001"))).hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot log out while on call");
    }
}

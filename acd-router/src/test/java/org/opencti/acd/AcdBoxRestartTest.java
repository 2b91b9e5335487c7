package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.PhoneState;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/**
 * The ACD on a node with two Asterisk boxes, fed events tagged with their box as MultiBoxGateway passes them on: both
 * boxes' channels have the same names, and a restart of one box ends its calls only.
 */
class AcdBoxRestartTest {
    private static final Duration WRAP = Duration.ofSeconds(10);
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T09:00:00Z"));
    private final RecordingPbx pbx = new RecordingPbx();
    private final List<InteractionRecord> history = new ArrayList<>();
    private AcdService acd;

    @BeforeEach
    void setUp() {
        List<QueueSetup> queues = List.of(QueueSetup.simple("billing", List.of(), WRAP, Duration.ofSeconds(15)));
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "PJSIP/2001", Map.of()),
            new AgentProfile("2002", "Bob", "blue", "PJSIP/2002", Map.of()), new AgentProfile("2003", "Cy", "blue", "PJSIP/2003", Map.of()),
            new AgentProfile("2004", "Di", "blue", "PJSIP/2004", Map.of()));
        pbx.homes.putAll(Map.of("PJSIP/2001", "a", "PJSIP/2002", "b", "PJSIP/2003", "b", "PJSIP/2004", "b"));
        CustomerDirectory nobody = new CustomerDirectory() {
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
        AgentStateStore states = new AgentStateStore() {
            @Override
            public void put(AgentStatus status) {
                // not looked at here
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
        ScreenPopService pops = new ScreenPopService(nobody, new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(pbx, pops, e -> { }, states, new ListHistory(history), Runnable::run);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, SingleWriter.inline(), time,
            new SimpleMeterRegistry());
        for (String agent : List.of("2001", "2002")) {
            done(acd.login(agent));
            done(acd.ready(agent));
            time.advance(Duration.ofSeconds(1)); // 2001 has been idle longest: the first caller is theirs
        }
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private AgentState state(String agent) {
        return done(acd.status(agent)).orElseThrow().state();
    }

    /** Each box's first caller after a restart: the same Uniqueid and name on both. */
    private ChannelRef callerOnHold(String box, String number) {
        ChannelRef ch = new ChannelRef("1795346158.0", "Local/" + number + "@cti-hold-00000000;2", "1795346158.0");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), ch, number, "", "cti-hold", number).onBox(box));
        acd.onPbxEvent(new PbxEvent.DialplanStep(time.now(), ch, "cti-hold", "s", 1, "NoOp", number, "").onBox(box));
        return ch.onBox(box);
    }

    /** The agent leg the box created (its events come before the OriginateResponse), answered. */
    private String agentAnswers(String box, String agent) {
        ChannelRef leg = new ChannelRef("1795346158.2", "PJSIP/" + agent + "-00000002", "1795346158.0");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), leg, agent, "", "agent-leg", "s").onBox(box));
        pbx.answer(pbx.lastReference(), new PbxEvent.OriginateCompleted(time.now(), pbx.lastReference(), true, 4, leg.uniqueId(),
            leg.name()).onBox(box));
        return leg.onBox(box).name();
    }

    @Test
    void eachCallersAgentLegIsOriginatedOnTheCallersBoxAndTheirChannelsStayApart() {
        ChannelRef onA = callerOnHold("a", "5551001");
        assertThat(pbx.originates.get(pbx.lastReference()).sameBoxAs()).isEqualTo("a:Local/5551001@cti-hold-00000000;2");
        String legA = agentAnswers("a", "2001");
        ChannelRef onB = callerOnHold("b", "5551002");
        assertThat(pbx.originates.get(pbx.lastReference()).sameBoxAs()).isEqualTo("b:Local/5551002@cti-hold-00000000;2");
        String legB = agentAnswers("b", "2002");

        assertThat(done(acd.liveCallCount())).isEqualTo(2);
        assertThat(pbx.actions).contains("bridge " + onA.name() + " + " + legA, "bridge " + onB.name() + " + " + legB);
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(state("2002")).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void aRestartOfOneBoxEndsItsCallsOnlyAndTheOtherBoxsCallGoesOn() {
        callerOnHold("a", "5551001");
        String legA = agentAnswers("a", "2001");
        callerOnHold("b", "5551002");
        agentAnswers("b", "2002");

        // Box b restarts: Shutdown, the link drops, and after the reconnect its channel list is empty.
        acd.onPbxEvent(new PbxEvent.PbxShutdown(time.now(), true).onBox("b"));
        acd.onPbxEvent(new PbxEvent.PbxLinkLost(time.now(), "connection closed").onBox("b"));
        acd.onPbxEvent(new PbxEvent.PbxReady(time.now(), 0, true).onBox("b"));
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(), true).onBox("b"));

        assertThat(state("2002")).isEqualTo(AgentState.WRAP_UP);
        assertThat(state("2001")).as("box a's call goes on").isEqualTo(AgentState.ON_CALL);
        assertThat(done(acd.liveCallCount())).isEqualTo(1);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.agentId()).isEqualTo("2002");
            assertThat(r.outcome()).isEqualTo("answered");
            assertThat(r.key()).isEqualTo("b:1795346158.0/b:1795346158.2");
        });
        assertThat(pbx.actions).as("nothing is done to box a's call").noneMatch(a -> a.startsWith("hangup a:"));

        time.advance(WRAP);
        assertThat(state("2002")).isEqualTo(AgentState.READY);
        // A reconnect of box a that still lists its call changes nothing.
        ChannelRef callerA = new ChannelRef("1795346158.0", "Local/5551001@cti-hold-00000000;2", "1795346158.0");
        ChannelRef leg = new ChannelRef("1795346158.2", "PJSIP/2001-00000002", "1795346158.0");
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(
            new LiveChannel(callerA, ChannelState.UP, "5551001", "", "cti-hold", "s", "MusicOnHold", "bridge-1"),
            new LiveChannel(leg, ChannelState.UP, "2001", "", "agent-leg", "s", "Wait", "bridge-1")), false).onBox("a"));
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(legA).isEqualTo("a:PJSIP/2001-00000002");
    }

    private void restart(String box) {
        acd.onPbxEvent(new PbxEvent.PbxShutdown(time.now(), true).onBox(box));
        acd.onPbxEvent(new PbxEvent.PbxLinkLost(time.now(), "connection closed").onBox(box));
        acd.onPbxEvent(new PbxEvent.PbxReady(time.now(), 0, true).onBox(box));
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(), true).onBox(box));
    }

    @Test
    void afterABoxRestartsItsIdleAgentsPhonesAreCheckedAndAnUnavailableOneGoesNotReadySayingWhy() {
        done(acd.notReady("2001", "lunch")); // box a's agent: not checked, so their reason stays
        callerOnHold("b", "5551002");
        agentAnswers("b", "2002");
        done(acd.login("2003"));
        done(acd.login("2004"));
        done(acd.ready("2004"));
        pbx.phoneStates.putAll(Map.of("PJSIP/2001", PhoneState.UNAVAILABLE, "PJSIP/2002", PhoneState.UNAVAILABLE,
            "PJSIP/2003", PhoneState.UNAVAILABLE, "PJSIP/2004", PhoneState.AVAILABLE));

        restart("b");

        assertThat(pbx.phoneChecks).containsExactlyInAnyOrder("PJSIP/2002", "PJSIP/2003", "PJSIP/2004");
        AgentStatus wrapping = done(acd.status("2002")).orElseThrow();
        assertThat(wrapping.state()).as("their call was closed, then the phone checked").isEqualTo(AgentState.NOT_READY);
        assertThat(wrapping.reason()).isEqualTo(PhoneCheck.REASON);
        assertThat(done(acd.status("2003")).orElseThrow().reason()).isEqualTo("phone unavailable");
        assertThat(state("2004")).isEqualTo(AgentState.READY);
        assertThat(done(acd.status("2001")).orElseThrow().reason()).isEqualTo("lunch");
        assertThat(history).singleElement().satisfies(r -> assertThat(r.agentId()).isEqualTo("2002"));

        time.advance(WRAP);
        assertThat(state("2002")).as("the ended wrap-up does not make them ready").isEqualTo(AgentState.NOT_READY);
        callerOnHold("b", "5551003");
        assertThat(pbx.originates.get(pbx.lastReference()).dialString()).as("only the phone that is back rings")
            .isEqualTo("PJSIP/2004");
    }

    @Test
    void aReconnectWithoutARestartChecksNoPhone() {
        pbx.phoneStates.put("PJSIP/2002", PhoneState.UNAVAILABLE);

        acd.onPbxEvent(new PbxEvent.PbxLinkLost(time.now(), "connection closed").onBox("b"));
        acd.onPbxEvent(new PbxEvent.PbxReady(time.now(), 0, false).onBox("b"));
        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(), false).onBox("b"));

        assertThat(pbx.phoneChecks).isEmpty();
        assertThat(state("2002")).isEqualTo(AgentState.READY);
    }

    @Test
    void withOneBoxARestartChecksEveryIdleAgentsPhone() {
        pbx.homes.clear(); // one box: the gateway names no home, the resync no box
        pbx.phoneStates.put("PJSIP/2001", PhoneState.UNAVAILABLE);
        pbx.phoneStates.put("PJSIP/2002", PhoneState.IN_USE);

        acd.onPbxEvent(new PbxEvent.ChannelsResynced(time.now(), List.of(), true));

        assertThat(pbx.phoneChecks).containsExactlyInAnyOrder("PJSIP/2001", "PJSIP/2002");
        assertThat(state("2001")).isEqualTo(AgentState.NOT_READY);
        assertThat(state("2002")).as("in use is reachable").isEqualTo(AgentState.READY);
    }
}

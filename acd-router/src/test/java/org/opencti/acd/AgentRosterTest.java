package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.queuelog.QueueLogEntry;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/** The supervisors' roster and moving an agent between queues: a logout and login of the agent's routing entry. */
class AgentRosterTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-25T09:00:00Z"));
    private final RecordingPbx pbx = new RecordingPbx();
    private final List<String> queueLog = new CopyOnWriteArrayList<>();
    private AcdService acd;

    @BeforeEach
    void setUp() {
        List<QueueSetup> queues = List.of(
            QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)), Duration.ofSeconds(10), Duration.ofSeconds(15)),
            QueueSetup.simple("support", List.of(new SkillRequirement("support", 3)), Duration.ofSeconds(10), Duration.ofSeconds(15)));
        List<AgentProfile> agents = List.of(
            new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 8, "support", 5), Map.of("billing", 1), 1.0),
            new AgentProfile("2002", "Bob", "red", "Local/2002@agents", Map.of("billing", 8)));
        QueueLog log = new QueueLog() {
            @Override
            public void append(QueueLogEntry e) {
                queueLog.add(e.event() + " " + e.queue() + " " + e.agent() + (e.data().isEmpty() ? "" : " " + e.data().get(0)));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()),
            new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(pbx, pops, e -> { }, new InMemoryAgentStateStore(), new ListHistory(), Runnable::run, log);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, SingleWriter.inline(), time,
            new SimpleMeterRegistry());
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private RosterEntry entry(String agentId) {
        return done(acd.roster().agents()).agents().stream().filter(e -> e.agentId().equals(agentId)).findFirst().orElseThrow();
    }

    private void callerWaitsIn(String queue, String uniqueId) {
        ChannelRef ch = new ChannelRef(uniqueId, "Local/5551006@cti-hold-0000000" + uniqueId.charAt(4) + ";2", uniqueId);
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), ch, null, null, "cti-hold", "5551006"));
        acd.onPbxEvent(new PbxEvent.VariableSet(time.now(), ch, "CTI_QUEUE", queue));
        acd.onPbxEvent(new PbxEvent.DialplanStep(time.now(), ch, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
    }

    @Test
    void theRosterListsEveryAgentWithStateSinceAndTheQueuesTheyServe() {
        done(acd.login("2001"));
        time.advance(Duration.ofSeconds(30));
        done(acd.notReady("2001", "lunch"));
        AgentRoster.Listing listing = done(acd.roster().agents());
        assertThat(listing.at()).isEqualTo(time.now());
        assertThat(listing.agents()).extracting(RosterEntry::agentId).containsExactly("2001", "2002");
        RosterEntry ann = entry("2001");
        assertThat(ann).isEqualTo(new RosterEntry("2001", "Ann", "blue", AgentState.NOT_READY, "lunch",
            Instant.parse("2026-11-25T09:00:30Z"), null, Map.of("billing", 1)));
        // Without configured queues an agent serves every queue their skills admit, at priority 1.
        assertThat(entry("2002").queues()).isEqualTo(Map.of("billing", 1));
        assertThat(entry("2002").state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aReadyAgentMovedIntoAQueueIsOfferedItsWaitingCallerAtOnce() {
        done(acd.login("2001"));
        done(acd.ready("2001"));
        callerWaitsIn("support", "100.1");
        assertThat(done(acd.waitingCalls())).hasSize(1);
        assertThat(pbx.actions).noneMatch(a -> a.startsWith("originate"));

        RosterEntry moved = done(acd.roster().move("2001", Map.of("support", 1, "billing", 2)));

        assertThat(moved.queues()).isEqualTo(Map.of("billing", 2, "support", 1));
        assertThat(done(acd.waitingCalls())).isEmpty();
        assertThat(done(acd.status("2001")).orElseThrow().state()).isEqualTo(AgentState.RINGING);
        assertThat(queueLog).containsSubsequence("REMOVEMEMBER billing 2001", "ADDMEMBER billing 2001", "ADDMEMBER support 2001");
        assertThat(done(acd.queueSnapshots())).filteredOn(s -> s.queue().equals("support")).singleElement()
            .satisfies(s -> assertThat(s.agentsByState()).containsEntry("RINGING", 1));
    }

    @Test
    void movedOutOfAQueueTheAgentIsNoLongerOfferedItsCallers() {
        done(acd.login("2001"));
        done(acd.roster().move("2001", Map.of("support", 1)));
        done(acd.ready("2001"));
        callerWaitsIn("billing", "100.2");
        assertThat(done(acd.waitingCalls())).hasSize(1);
        assertThat(done(acd.status("2001")).orElseThrow().state()).isEqualTo(AgentState.READY);
        assertThat(done(acd.queueSnapshots())).filteredOn(s -> s.queue().equals("billing")).singleElement()
            .satisfies(s -> assertThat(s.agentsByState()).doesNotContainKey("READY"));
    }

    @Test
    void aNotReadyAgentStaysPausedInTheNewQueuesAndALoggedOutOneTakesThemAtLogin() {
        done(acd.login("2001"));
        done(acd.notReady("2001", "training"));
        done(acd.roster().move("2001", Map.of("support", 3)));
        assertThat(queueLog).contains("PAUSE support 2001 training");
        assertThat(entry("2001").state()).isEqualTo(AgentState.NOT_READY);

        done(acd.logout("2001"));
        done(acd.roster().move("2001", Map.of("billing", 1, "support", 1)));
        queueLog.clear();
        done(acd.login("2001"));
        assertThat(queueLog).contains("ADDMEMBER billing 2001", "ADDMEMBER support 2001");
        done(acd.ready("2001"));
        callerWaitsIn("support", "100.3");
        assertThat(done(acd.status("2001")).orElseThrow().state()).isEqualTo(AgentState.RINGING);
    }

    @Test
    void anAgentOnACallIsNotMovedAndStaysWhereTheyWere() {
        done(acd.login("2001"));
        done(acd.ready("2001"));
        callerWaitsIn("billing", "100.4");
        assertThat(done(acd.status("2001")).orElseThrow().state()).isEqualTo(AgentState.RINGING);
        assertThatThrownBy(() -> done(acd.roster().move("2001", Map.of("support", 1))))
            .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("agent 2001 is busy with call")
            .hasMessageContaining("(ringing)");
        assertThat(entry("2001").queues()).isEqualTo(Map.of("billing", 1));
    }

    @Test
    void badMovesNameWhatIsWrongAndChangeNothing() {
        done(acd.login("2002"));
        assertThatThrownBy(() -> done(acd.roster().move("2002", Map.of("billing", 1, "sales", 1))))
            .hasCauseInstanceOf(AgentRoster.BadQueue.class).hasMessageContaining("no such queue \"sales\"");
        assertThatThrownBy(() -> done(acd.roster().move("2002", Map.of("support", 1))))
            .hasCauseInstanceOf(AgentRoster.BadQueue.class).hasMessageContaining("lacks the skills queue support");
        assertThatThrownBy(() -> done(acd.roster().move("2002", Map.of("billing", 0))))
            .hasCauseInstanceOf(AgentRoster.BadQueue.class).hasMessageContaining("priority in billing must be 1 (highest) to 100");
        assertThatThrownBy(() -> done(acd.roster().move("2002", Map.of())))
            .hasCauseInstanceOf(AgentRoster.BadQueue.class).hasMessageContaining("at least one queue");
        assertThatThrownBy(() -> done(acd.roster().move("9999", Map.of("billing", 1))))
            .hasCauseInstanceOf(NoSuchElementException.class).hasMessageContaining("unknown agent \"9999\"");
        assertThat(entry("2002").queues()).isEqualTo(Map.of("billing", 1));
        assertThat(queueLog).doesNotContain("REMOVEMEMBER billing 2002");
    }
}

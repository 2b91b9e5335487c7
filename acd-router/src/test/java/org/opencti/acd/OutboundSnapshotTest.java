package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.queuelog.InMemoryQueueLog;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/**
 * The dialer's snapshot of the agents under a burst: the owner queues its work as the server's thread does, and the
 * snapshot is rebuilt once for the burst, from the state after it, not once per agent state change or hangup.
 */
class OutboundSnapshotTest {
    private static final int AGENTS = 20;
    private static final String JUNIOR = "2999";

    /** An owner that queues work until the test runs it, as the owner thread does while it is busy. */
    private static final class QueuedOwner implements SingleWriter {
        private final Queue<Runnable> work = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable command) {
            work.add(command);
        }

        @Override
        public boolean isOwner() {
            return running;
        }

        void drain() {
            running = true;
            try {
                for (Runnable r; (r = work.poll()) != null; ) {
                    r.run();
                }
            } finally {
                running = false;
            }
        }
    }

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-26T09:00:00Z"));
    private final QueuedOwner owner = new QueuedOwner();
    private final AcdService acd;
    private final OutboundAgents outbound;
    private final List<List<OutboundAgents.Member>> told = new ArrayList<>();

    OutboundSnapshotTest() {
        List<QueueSetup> queues = List.of(
            QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)), Duration.ofSeconds(10), Duration.ofSeconds(15)));
        List<AgentProfile> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String id = Integer.toString(2001 + i);
            agents.add(new AgentProfile(id, "Agent " + id, "blue", "Local/" + id + "@agents", Map.of("billing", 8)));
        }
        // in billing, but below the level its callers need
        agents.add(new AgentProfile(JUNIOR, "Junior", "blue", "Local/" + JUNIOR + "@agents", Map.of("billing", 1), Map.of("billing", 1),
            1));
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()),
            new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
        AcdPorts ports = new AcdPorts(new RecordingPbx(), pops, e -> { }, new InMemoryAgentStateStore(),
            new ListHistory(new ArrayList<>()), Runnable::run, new InMemoryQueueLog());
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, owner, time,
            new SimpleMeterRegistry());
        outbound = new OutboundAgents(acd, time);
        owner.drain();
        outbound.onChange(() -> told.add(outbound.snapshot()));
    }

    private <T> T done(CompletionStage<T> stage) {
        owner.drain();
        return stage.toCompletableFuture().join();
    }

    /** Lets the spacing between rebuilds pass and runs what the owner has queued. */
    private void rebuildDue() {
        time.advance(OutboundSnapshot.REBUILD_SPACING);
        owner.drain();
    }

    private void everyoneReady() {
        for (int i = 0; i < AGENTS; i++) {
            String id = Integer.toString(2001 + i);
            done(acd.login(id));
            done(acd.ready(id));
        }
        rebuildDue();
        told.clear();
    }

    @Test
    void aBurstOfStateChangesIsOneRebuildThatSeesTheStateAfterIt() {
        for (int i = 0; i < AGENTS; i++) {
            acd.login(Integer.toString(2001 + i));
        }
        rebuildDue();
        told.clear();
        List<CompletionStage<?>> clicks = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            clicks.add(acd.ready(Integer.toString(2001 + i)));
        }
        owner.drain();
        clicks.forEach(this::done);
        assertThat(told).as("within the spacing of the last rebuild").isEmpty();
        rebuildDue();

        assertThat(told).as("one rebuild for %d ready clicks", AGENTS).hasSize(1);
        assertThat(told.get(0)).hasSize(AGENTS).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(AgentState.READY);
            assertThat(m.free()).isTrue();
        });
    }

    @Test
    void hangupsAmongTheChangesAddNoRebuild() {
        everyoneReady();

        for (int i = 0; i < AGENTS / 2; i++) {
            acd.notReady(Integer.toString(2001 + i), "break");
            for (int k = 0; k < 5; k++) {
                PbxEvent.ChannelHungUp gone = new PbxEvent.ChannelHungUp(time.now(),
                    new ChannelRef("300." + i + k, "PJSIP/trunk-000" + i + k, "300." + i + k), 16, "Normal Clearing");
                acd.onPbxEvent(gone);
                outbound.onPbxEvent(gone);
            }
        }
        rebuildDue();

        assertThat(told).as("%d agents on a break and %d hangups, one rebuild", AGENTS / 2, AGENTS / 2 * 5).hasSize(1);
        assertThat(told.get(0)).hasSize(AGENTS);
        assertThat(told.get(0).subList(0, AGENTS / 2)).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(AgentState.NOT_READY);
            assertThat(m.free()).isFalse();
        });
        assertThat(told.get(0).subList(AGENTS / 2, AGENTS)).allSatisfy(m -> assertThat(m.free()).isTrue());
    }

    @Test
    void aCallerWaitingInTheirQueueMakesNoReadyAgentFreeUntilTheyAreOffered() {
        everyoneReady();
        for (int i = 0; i < AGENTS; i++) {
            acd.notReady(Integer.toString(2001 + i), "break");
        }
        rebuildDue();
        ChannelRef caller = new ChannelRef("100.1", "Local/5551006@cti-hold-00000001;2", "100.1");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), caller, null, null, "cti-hold", "5551006"));
        acd.onPbxEvent(new PbxEvent.VariableSet(time.now(), caller, "CTI_QUEUE", "billing"));
        acd.onPbxEvent(new PbxEvent.DialplanStep(time.now(), caller, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
        rebuildDue();
        assertThat(acd.engine().waiting("billing")).isEqualTo(1);
        told.clear();

        acd.ready("2001");
        acd.ready("2002");
        rebuildDue();

        assertThat(told).hasSize(1);
        assertThat(told.get(0)).filteredOn(m -> m.agentId().equals("2001") || m.agentId().equals("2002"))
            .extracting(OutboundAgents.Member::free).as("one is offered the caller, the other waits behind the queue")
            .containsExactlyInAnyOrder(false, true);
    }

    @Test
    void theFirstChangeAfterAQuietSpellIsRebuiltAtOnce() {
        everyoneReady();
        time.advance(OutboundSnapshot.REBUILD_SPACING);

        acd.notReady("2001", "break");
        owner.drain();

        assertThat(told).hasSize(1);
        assertThat(told.get(0).get(0).state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void aHoldTheSnapshotAllowedIsRefusedOnTheOwnerWhenACallerNowWaitsInTheAgentsQueue() {
        done(acd.login(JUNIOR));
        done(acd.ready(JUNIOR));
        rebuildDue();
        assertThat(outbound.snapshot()).singleElement().extracting(OutboundAgents.Member::free).isEqualTo(true);

        // a caller the junior cannot take (billing wants level 5) waits; the snapshot is not rebuilt yet
        ChannelRef caller = new ChannelRef("100.2", "Local/5551007@cti-hold-00000002;2", "100.2");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(time.now(), caller, null, null, "cti-hold", "5551007"));
        acd.onPbxEvent(new PbxEvent.VariableSet(time.now(), caller, "CTI_QUEUE", "billing"));
        acd.onPbxEvent(new PbxEvent.DialplanStep(time.now(), caller, "cti-hold", "s", 1, "NoOp", "+15551230007", "Di Eff"));
        owner.drain();
        assertThat(acd.engine().waiting("billing")).isEqualTo(1);

        assertThat(outbound.reserve(JUNIOR, 7)).as("the snapshot, not rebuilt yet, shows them free").isTrue();
        owner.drain();

        assertThat(done(acd.status(JUNIOR)).orElseThrow().state()).as("inbound first: not held").isEqualTo(AgentState.READY);
        rebuildDue();
        assertThat(outbound.snapshot()).singleElement().satisfies(m -> {
            assertThat(m.heldBy()).isNull();
            assertThat(m.free()).isFalse();
        });
    }
}

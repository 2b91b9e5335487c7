package org.opencti.acd;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.opencti.acd.routing.Fairness;
import org.opencti.acd.stats.ServiceLevelPolicy;
import org.opencti.core.agent.AgentState;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.queuelog.InMemoryQueueLog;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/** The ACD on virtual time with a recording PBX: for tests of queue rules. */
final class AcdBench {
    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    final ManualScheduler time;
    final InMemoryCustomerDirectory customers = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
    final RecordingPbx pbx = new RecordingPbx();
    final List<DesktopEvent> pushed = new ArrayList<>();
    final List<InteractionRecord> history = new ArrayList<>();
    /** The same log: the after-call work written to the rows, and the order rows and updates were handed over. */
    final ListHistory log = new ListHistory(history);
    final InMemoryQueueLog queueLog = new InMemoryQueueLog();
    final AcdService acd;

    AcdBench(List<QueueSetup> queues, List<AgentProfile> agents) {
        this(queues, agents, CallSkillPolicy.NONE);
    }

    AcdBench(List<QueueSetup> queues, List<AgentProfile> agents, CallSkillPolicy callSkills) {
        this(queues, agents, callSkills, DeskSettings.DEFAULT, DeskPorts.inMemory(), new ManualScheduler(START));
    }

    /** With the agent desk's settings and stores, on {@code time} (a restart test keeps the clock and the stores). */
    AcdBench(List<QueueSetup> queues, List<AgentProfile> agents, CallSkillPolicy callSkills, DeskSettings desk, DeskPorts deskPorts,
             ManualScheduler time) {
        this.time = time;
        ScreenPopService pops = new ScreenPopService(customers, new PhoneNumbers("US"), Runnable::run, Duration.ofSeconds(1));
        AcdPorts ports = new AcdPorts(pbx, pops, pushed::add, new InMemoryAgentStateStore(), log, Runnable::run, queueLog, deskPorts);
        AcdSetup setup = new AcdSetup(AcdSettings.standard(queues.get(0).name()), queues, Fairness.OLDEST_CALL_FIRST, agents,
            new ServiceLevelPolicy(Map.of("Gold", Duration.ofSeconds(20)), Duration.ofSeconds(30), Map.of("Gold", 90.0), 80.0,
                Duration.ofSeconds(5)), Duration.ofMinutes(30), 7L, callSkills, desk);
        acd = new AcdService(setup, ports, SingleWriter.inline(), time, new SimpleMeterRegistry());
    }

    static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    AgentStatus status(String agent) {
        return done(acd.status(agent)).orElseThrow();
    }

    AgentState state(String agent) {
        return status(agent).state();
    }

    void ready(String agent) {
        done(acd.login(agent));
        done(acd.ready(agent));
    }

    /** A caller reaches hold with these channel variables (CTI_QUEUE, CTI_TIER, ...). */
    ChannelRef callerOnHold(String uid, String number, Map<String, String> vars) {
        ChannelRef ch = new ChannelRef(uid, "Local/" + number + "@cti-hold-" + uid + ";2", uid);
        Instant now = time.now();
        acd.onPbxEvent(new PbxEvent.ChannelCreated(now, ch, number, "Caller", "cti-hold", number));
        vars.forEach((k, v) -> acd.onPbxEvent(new PbxEvent.VariableSet(now, ch, k, v)));
        acd.onPbxEvent(new PbxEvent.DialplanStep(now, ch, "cti-hold", "s", 1, "NoOp", number, "Caller"));
        return ch;
    }

    /** The agent's phone answers the last originate. */
    ChannelRef answer(String legUid, String agent) {
        String name = "Local/" + agent + "@agents-" + legUid + ";1";
        pbx.answer(pbx.lastReference(), new PbxEvent.OriginateCompleted(time.now(), pbx.lastReference(), true, 4, legUid, name));
        return new ChannelRef(legUid, name, legUid);
    }

    void hangUp(ChannelRef ch) {
        acd.onPbxEvent(new PbxEvent.ChannelHungUp(time.now(), ch, 16, "Normal Clearing"));
    }

    /** The dial strings originated so far, in order. */
    List<String> originated() {
        return pbx.originates.values().stream().map(o -> o.dialString()).toList();
    }

    List<String> queueLogLines() {
        return queueLog.entries().stream().map(e -> e.event() + " " + e.queue() + " " + e.agent()).toList();
    }
}

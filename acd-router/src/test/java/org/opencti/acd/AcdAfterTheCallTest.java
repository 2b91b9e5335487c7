package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;

/**
 * When the agent hangs up, Asterisk resumes the caller in the hold context after MusicOnHold (the survey's GotoIf,
 * then Hangup). Those steps are the end of the call, not a new one: nothing is offered again, the call is written once
 * and never counted as abandoned.
 */
class AcdAfterTheCallTest {
    private static final QueueSetup SUPPORT = QueueSetup.simple("support", List.of(new SkillRequirement("support", 1)),
        Duration.ofSeconds(10), Duration.ofSeconds(15));

    @Test
    void theCallersLastDialplanStepsAfterTheAgentHangsUpAreNotANewCall() {
        AcdBench bench = new AcdBench(List.of(SUPPORT), List.of(
            new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("support", 5)),
            new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("support", 5))));
        bench.ready("2001");
        bench.ready("2002");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support"));
        ChannelRef leg = bench.answer("100.2", bench.originated().get(0).contains("2001") ? "2001" : "2002");

        bench.hangUp(leg);
        bench.acd.onPbxEvent(new PbxEvent.DialplanStep(bench.time.now(), caller, "cti-hold", "s", 4, "GotoIf", "+15551230001", "C"));
        bench.acd.onPbxEvent(new PbxEvent.DialplanStep(bench.time.now(), caller, "cti-hold", "s", 5, "Hangup", "+15551230001", "C"));
        bench.hangUp(caller);
        bench.time.advance(Duration.ofSeconds(30));

        assertThat(bench.originated()).as("offered once").hasSize(1);
        assertThat(bench.history).singleElement().satisfies(r -> assertThat(r.agentId()).isNotNull());
        assertThat(bench.queueLogLines()).noneMatch(l -> l.startsWith("ABANDON"));
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsClearsTheDesktopAtOnce() {
        AcdBench bench = new AcdBench(List.of(SUPPORT), List.of(
            new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("support", 5))));
        bench.ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support"));
        assertThat(bench.originated()).hasSize(1);

        bench.hangUp(caller);

        assertThat(bench.pushed).filteredOn(e -> e instanceof DesktopEvent.CallEnded).singleElement()
            .satisfies(e -> assertThat(((DesktopEvent.CallEnded) e).outcome()).isEqualTo("caller hung up"));
        bench.answer("100.2", "2001");
        assertThat(bench.state("2001")).as("the late answer is hung up and the agent freed").isEqualTo(AgentState.READY);
        assertThat(bench.pushed).filteredOn(e -> e instanceof DesktopEvent.CallEnded).hasSize(1);
    }
}

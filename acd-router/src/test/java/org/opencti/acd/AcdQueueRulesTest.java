package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.acd.AcdBench.done;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.acd.calendar.BusinessCalendar;
import org.opencti.acd.calendar.OpeningHours;
import org.opencti.acd.overflow.Condition;
import org.opencti.acd.overflow.OverflowAction;
import org.opencti.acd.overflow.OverflowRule;
import org.opencti.acd.overflow.OverflowRules;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;

/** Queue rules that act on time, through the whole ACD on virtual time. */
class AcdQueueRulesTest {
    private static final Duration WRAP = Duration.ofSeconds(10);
    private static final Duration RING = Duration.ofSeconds(15);
    private static final PriorityWeights TIERS = new PriorityWeights(Map.of("Gold", 300.0, "Silver", 150.0), 200, 100, 1);

    private static QueueSetup queue(String name, List<RequirementStep> steps, OverflowRules overflow, BusinessCalendar calendar,
                                    Integer occupancyCap) {
        return new QueueSetup(new QueueRules(name, steps, AgentSelection.LONGEST_IDLE, null, TIERS), WRAP, Duration.ofSeconds(40),
            RING, calendar, overflow, occupancyCap, null);
    }

    private static QueueSetup plain(String name, String skill) {
        return queue(name, List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement(skill, 1))), null, null, null);
    }

    private static AgentProfile agent(String id, Map<String, Integer> skills) {
        return new AgentProfile(id, id, "blue", "Local/" + id + "@agents", skills);
    }

    @Test
    void requirementsRelaxWithTheWaitOnATimerWithoutAnyPolling() {
        QueueSetup spanish = queue("spanish", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("spanish", 7)),
            RequirementStep.of(Duration.ofSeconds(20), new SkillRequirement("spanish", 4))), null, null, null);
        AcdBench bench = new AcdBench(List.of(spanish), List.of(agent("2001", Map.of("spanish", 5))));
        bench.ready("2001");
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "spanish"));
        assertThat(bench.originated()).as("nobody has spanish 7").isEmpty();
        bench.time.advance(Duration.ofSeconds(19));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(bench.originated()).containsExactly("Local/2001@agents");
    }

    @Test
    void aCallWaitingTooLongOverflowsToAnotherQueueKeepingItsPlace() {
        OverflowRules toSupport = new OverflowRules(List.of(new OverflowRule(new Condition.MaxWait(Duration.ofSeconds(30)),
            new OverflowAction.ToQueue("support"))));
        QueueSetup billing = queue("billing", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 5))),
            toSupport, null, null);
        AcdBench bench = new AcdBench(List.of(billing, plain("support", "support")),
            List.of(agent("2002", Map.of("support", 5))));
        bench.ready("2002");
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.time.advance(Duration.ofSeconds(29));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(bench.originated()).containsExactly("Local/2002@agents");
        assertThat(bench.queueLogLines()).containsSubsequence("ENTERQUEUE billing NONE", "EXITWITHTIMEOUT billing NONE",
            "ENTERQUEUE support NONE");
    }

    @Test
    void aFullQueueSendsTheNextCallerElsewhereOnArrival() {
        OverflowRules full = new OverflowRules(List.of(new OverflowRule(new Condition.MaxQueueLength(1),
            new OverflowAction.ToQueue("support"))));
        QueueSetup billing = queue("billing", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 1))),
            full, null, null);
        AcdBench bench = new AcdBench(List.of(billing, plain("support", "support")), List.of(agent("2002", Map.of("support", 5))));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        assertThat(bench.queueLogLines()).containsExactly("ENTERQUEUE billing NONE", "ENTERQUEUE support NONE");
        bench.ready("2002");
        assertThat(bench.pbx.originates.values()).singleElement().satisfies(o -> assertThat(o.variables())
            .containsEntry("CTI_CALL_ID", "c-100.2"));
    }

    @Test
    void whenTheLastAgentLogsOutWaitingCallersGoToVoicemail() {
        OverflowRules nobody = new OverflowRules(List.of(new OverflowRule(new Condition.NoAgentsLoggedIn(),
            new OverflowAction.ToVoicemail("billing"))));
        QueueSetup billing = queue("billing", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 1))),
            nobody, null, null);
        AcdBench bench = new AcdBench(List.of(billing), List.of(agent("2001", Map.of("billing", 5))));
        done(bench.acd.login("2001"));
        ChannelRef waiting = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        assertThat(bench.pbx.actions).as("an agent is logged in (not ready): the caller waits").isEmpty();
        done(bench.acd.logout("2001"));
        assertThat(bench.pbx.actions).containsExactly("redirect " + waiting.name());
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        assertThat(bench.pbx.actions).as("on arrival too").hasSize(2);
        assertThat(bench.history).extracting(r -> r.outcome()).containsExactly("voicemail", "voicemail");
    }

    @Test
    void aClosedQueueSendsCallersToVoicemailAndTheCallIsRecordedSo() {
        BusinessCalendar sundaysOnly = new BusinessCalendar(ZoneId.of("Europe/London"),
            List.of(OpeningHours.of(DayOfWeek.SUNDAY, "09:00-10:00")), List.of());
        OverflowRules closed = new OverflowRules(List.of(new OverflowRule(new Condition.Closed(),
            new OverflowAction.ToVoicemail("billing"))));
        QueueSetup billing = queue("billing", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 1))),
            closed, sundaysOnly, null);
        AcdBench bench = new AcdBench(List.of(billing), List.of(agent("2001", Map.of("billing", 5))));
        bench.ready("2001");
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        assertThat(bench.pbx.actions).contains("redirect Local/+15551230001@cti-hold-100.1;2");
        assertThat(bench.originated()).as("a closed queue offers nothing, even with an agent ready").isEmpty();
        assertThat(bench.history).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("voicemail"));
    }

    @Test
    void aGoldCallerWhoArrivedLaterIsOfferedFirstAndABronzeCallerIsNotStarved() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        ChannelRef bronze = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing", "CTI_TIER", "Bronze"));
        bench.time.advance(Duration.ofSeconds(10));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing", "CTI_TIER", "Gold"));
        bench.ready("2001");
        assertThat(bench.pbx.originates.values()).singleElement().satisfies(o -> assertThat(o.variables())
            .containsEntry("CTI_CALL_ID", "c-100.2"));
        assertThat(bronze).isNotNull();
        assertThat(done(bench.acd.position("c-100.1")).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void wrapUpCanBeExtendedUpToTheQueuesMaximumAndFinishedEarly() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        bench.ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.answer("100.9", "2001");
        bench.time.advance(Duration.ofSeconds(60));
        bench.hangUp(caller);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        done(bench.acd.extendWrapUp("2001", Duration.ofSeconds(100)));
        bench.time.advance(Duration.ofSeconds(39));
        assertThat(bench.state("2001")).as("capped at the 40 s maximum, not 110 s").isEqualTo(AgentState.WRAP_UP);
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);

        ChannelRef next = bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        bench.answer("100.8", "2001");
        bench.hangUp(next);
        done(bench.acd.finishWrapUp("2001"));
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
        assertThatThrownBy(() -> done(bench.acd.extendWrapUp("2001", Duration.ofSeconds(5))))
            .hasMessageContaining("not in wrap-up");
    }

    @Test
    void anAgentPutsTheCustomerOnHoldAndResumes() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        assertThatThrownBy(() -> done(bench.acd.hold("2001"))).hasMessageContaining("no connected call");
        bench.ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        ChannelRef leg = bench.answer("100.9", "2001");
        done(bench.acd.hold("2001"));
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_HOLD);
        assertThat(bench.pbx.actions).last().isEqualTo("redirect " + caller.name() + " -> cti-onhold + " + leg.name() + " -> agent-leg");
        done(bench.acd.resume("2001"));
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg.name());
        assertThatThrownBy(() -> done(bench.acd.resume("2001"))).hasMessageContaining("no call on hold");
        done(bench.acd.hold("2001"));
        bench.hangUp(caller);
        assertThat(bench.state("2001")).as("the customer hung up while on hold").isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aCallerWhoAgreedToTheSurveyIsLeftToTheDialplanWhenTheAgentHangsUp() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        bench.ready("2001");
        ChannelRef agreed = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing", "CTI_SURVEY", "yes"));
        ChannelRef leg = bench.answer("100.9", "2001");
        assertThat(bench.pbx.actions).as("the survey will know the call, agent and queue").containsSubsequence(
            "setvar " + agreed.name() + " CTI_CALL_ID=c-100.1", "setvar " + agreed.name() + " CTI_AGENT=2001",
            "setvar " + agreed.name() + " CTI_QUEUE=billing", "bridge " + agreed.name() + " + " + leg.name());
        bench.hangUp(leg);
        assertThat(bench.pbx.actions).noneMatch(a -> a.startsWith("hangup " + agreed.name()) || a.startsWith("redirect"));
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        bench.time.advance(Duration.ofSeconds(10));

        ChannelRef declined = bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        bench.hangUp(bench.answer("100.8", "2001"));
        assertThat(bench.pbx.actions).last().isEqualTo("hangup " + declined.name());
    }

    @Test
    void anAgentOverTheOccupancyCapGetsABreatherBeforeTheNextCall() {
        QueueSetup capped = queue("billing", List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("billing", 1))),
            null, null, 50);
        AcdBench bench = new AcdBench(List.of(capped), List.of(agent("2001", Map.of("billing", 5))));
        bench.ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.answer("100.9", "2001");
        bench.time.advance(Duration.ofMinutes(5));
        bench.hangUp(caller);
        bench.time.advance(WRAP);
        assertThat(bench.status("2001").reason()).isEqualTo("occupancy guard");
        bench.time.advance(QueueRuleTimers.BREATHER);
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
    }

    @Test
    void notReadyWithAReasonIsAPauseInTheQueueLogAndReadyAnUnpause() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        bench.ready("2001");
        done(bench.acd.notReady("2001", "lunch"));
        done(bench.acd.ready("2001"));
        // A member joins paused (logged in, not ready yet), like app_queue's paused members.
        assertThat(bench.queueLogLines()).containsExactly("ADDMEMBER billing 2001", "PAUSE billing 2001", "UNPAUSE billing 2001",
            "PAUSE billing 2001", "UNPAUSE billing 2001");
        assertThat(bench.queueLog.entries()).filteredOn(e -> e.event().name().equals("PAUSE")).extracting(e -> e.data().get(0))
            .containsExactly("logged in", "lunch");
    }

    @Test
    void liveStatisticsCountWaitingAnsweredAndAbandonedCallsPerQueue() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        ChannelRef gone = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.time.advance(Duration.ofSeconds(40));
        bench.hangUp(gone);
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        bench.time.advance(Duration.ofSeconds(10));
        bench.ready("2001");
        bench.answer("100.9", "2001");
        QueueSnapshot billing = done(bench.acd.queueSnapshots()).get(0);
        assertThat(billing.queue()).isEqualTo("billing");
        assertThat(billing.today().offered()).isEqualTo(2);
        assertThat(billing.today().answered()).isEqualTo(1);
        assertThat(billing.today().abandoned()).isEqualTo(1);
        assertThat(billing.today().serviceLevelPercent()).hasValue(50.0);
        assertThat(billing.callsWaiting()).isZero();
    }

    @Test
    void waitingCallersHearTheirPositionEveryMinuteAndKeepTheirPlace() {
        QueueSetup announcing = new QueueSetup(new QueueRules("billing", List.of(RequirementStep.of(Duration.ZERO,
            new SkillRequirement("billing", 1))), AgentSelection.LONGEST_IDLE, null, TIERS), WRAP, WRAP, RING, null, null, null,
            Duration.ofSeconds(60));
        AcdBench bench = new AcdBench(List.of(announcing), List.of(agent("2001", Map.of("billing", 5))));
        ChannelRef first = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.time.advance(Duration.ofSeconds(10));
        ChannelRef second = bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        bench.time.advance(Duration.ofSeconds(50));
        assertThat(bench.pbx.actions).containsExactly("setvar " + first.name() + " CTI_POSITION=1",
            "setvar " + first.name() + " CTI_WAIT_MINUTES=", "redirect " + first.name());
        // Back from the announcement into hold: the ACD knows the caller, who keeps their place.
        bench.acd.onPbxEvent(new PbxEvent.DialplanStep(bench.time.now(), first, "cti-hold", "s", 1, "NoOp",
            "+15551230001", "Caller"));
        bench.time.advance(Duration.ofSeconds(10));
        assertThat(bench.pbx.actions).contains("redirect " + second.name());
        assertThat(done(bench.acd.position("c-100.1")).orElseThrow().position()).isEqualTo(1);
        bench.ready("2001");
        assertThat(bench.pbx.originates.values()).singleElement().satisfies(o -> assertThat(o.variables())
            .containsEntry("CTI_CALL_ID", "c-100.1"));
        bench.time.advance(Duration.ofSeconds(120));
        assertThat(bench.pbx.actions).as("an offered call hears no more announcements")
            .filteredOn(a -> a.equals("redirect " + first.name())).hasSize(1);
    }

    @Test
    void aWaitingCallerIsToldTheirPositionAndExpectedWait() {
        AcdBench bench = new AcdBench(List.of(plain("billing", "billing")), List.of(agent("2001", Map.of("billing", 5))));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "billing"));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", "billing"));
        QueuePosition second = done(bench.acd.position("c-100.2")).orElseThrow();
        assertThat(second.position()).isEqualTo(2);
        assertThat(second.announcement()).contains("caller number 2");
        assertThat(done(bench.acd.position("c-nope"))).isEmpty();
    }
}

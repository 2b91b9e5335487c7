package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.acd.overflow.Condition;
import org.opencti.acd.overflow.OverflowAction;
import org.opencti.acd.overflow.OverflowRule;
import org.opencti.acd.overflow.OverflowRules;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.ChannelRef;

/** Callbacks keep the caller's place in line, ring the agent first, then the customer. */
class CallbackFlowTest {
    private static final String BILLING = "billing";

    private static AcdBench bench() {
        OverflowRules callbackAfter30s = new OverflowRules(List.of(new OverflowRule(new Condition.MaxWait(Duration.ofSeconds(30)),
            new OverflowAction.OfferCallback())));
        QueueSetup billing = new QueueSetup(new QueueRules(BILLING, List.of(RequirementStep.of(Duration.ZERO,
            new SkillRequirement("billing", 1))), AgentSelection.LONGEST_IDLE, null, PriorityWeights.waitTimeOnly()),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(15), null, callbackAfter30s, null, null);
        return new AcdBench(List.of(billing), List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents",
            Map.of("billing", 5))));
    }

    @Test
    void aCallbackKeepsThePlaceOfTheCallerWhoAskedForItAndConnectsAgentThenCustomer() {
        AcdBench bench = bench();
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", BILLING));
        bench.time.advance(Duration.ofSeconds(5));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", BILLING));
        bench.time.advance(Duration.ofSeconds(25));
        assertThat(bench.pbx.actions).as("the first caller got the offer at 30 s").containsExactly(
            "redirect Local/+15551230001@cti-hold-100.1;2");
        assertThat(bench.history).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("callback requested"));

        bench.ready("2001");
        assertThat(bench.pbx.originates.values()).singleElement().satisfies(o -> {
            assertThat(o.dialString()).isEqualTo("Local/2001@agents");
            assertThat(o.variables()).containsEntry("CTI_CALL_ID", "cb-c-100.1");
        });
        ChannelRef agentLeg = bench.answer("100.9", "2001");
        assertThat(bench.originated()).as("the customer is dialed once the agent is on the line")
            .containsExactly("Local/2001@agents", "Local/+15551230001@cti-outbound");
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);

        ChannelRef customer = bench.answer("200.1", "customer");
        assertThat(bench.pbx.actions).last().isEqualTo("bridge Local/customer@agents-200.1;1 + Local/2001@agents-100.9;1");
        bench.hangUp(customer);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.history).extracting(r -> r.outcome()).containsExactly("callback requested", "answered");
        assertThat(bench.history.get(1).key()).startsWith("callback:");
        assertThat(agentLeg).isNotNull();
    }

    @Test
    void anUnansweredCallbackReturnsToItsPlaceAndGivesUpAfterThreeAttempts() {
        AcdBench bench = bench();
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", BILLING));
        bench.time.advance(Duration.ofSeconds(30));
        bench.ready("2001");
        for (int attempt = 1; attempt <= CallbackFlow.MAX_ATTEMPTS; attempt++) {
            bench.answer("10" + attempt + ".9", "2001");
            bench.pbx.fail(bench.pbx.lastReference(), 3);
            assertThat(bench.state("2001")).as("attempt %d: the agent is free again", attempt).isEqualTo(AgentState.READY);
            bench.time.advance(CallbackFlow.RETRY_AFTER);
        }
        assertThat(bench.originated()).filteredOn(d -> d.endsWith("@cti-outbound")).hasSize(CallbackFlow.MAX_ATTEMPTS);
        assertThat(bench.history).extracting(r -> r.outcome()).containsExactly("callback requested", "callback failed");
        assertThat(AcdBench.done(bench.acd.liveCallCount())).isZero();
    }

    @Test
    void aWithheldNumberCannotBeCalledBackSoTheCallerStaysInLine() {
        AcdBench bench = bench();
        bench.callerOnHold("100.1", "", Map.of("CTI_QUEUE", BILLING));
        bench.time.advance(Duration.ofSeconds(45));
        assertThat(bench.pbx.actions).isEmpty();
        bench.ready("2001");
        assertThat(bench.originated()).containsExactly("Local/2001@agents");
    }
}

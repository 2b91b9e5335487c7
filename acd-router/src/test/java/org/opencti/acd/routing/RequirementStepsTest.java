package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.routing.Fixtures.agent;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.engine;
import static org.opencti.acd.routing.Fixtures.queue;
import static org.opencti.acd.routing.Fixtures.ready;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 0-20 s: spanish 7 and billing 5; 20-60 s: spanish 4; from 60 s: billing 1. */
class RequirementStepsTest {
    private static RoutingEngine spanishBilling() {
        return engine(queue("es", AgentSelection.LONGEST_IDLE,
            step(0, req("spanish", 7), req("billing", 5)), step(20, req("spanish", 4)), step(60, req("billing", 1))));
    }

    @Test
    void aCallNobodyCanTakeAtStepZeroIsTakenAtStepOneOnceItHasWaited20Seconds() {
        RoutingEngine e = spanishBilling();
        ready(e, agent("ana", Map.of("spanish", 5, "billing", 2), "es"), 0);
        e.enqueue(call("a", "es", 0));
        assertThat(e.route(at(0))).isEmpty();
        assertThat(e.nextStepAt(at(0))).contains(at(20));
        assertThat(e.route(at(19))).isEmpty();
        assertThat(e.route(at(20))).containsExactly(new Decision("a", "ana", "es", 1));
    }

    @Test
    void aWidenedCallKeepsItsPlaceAheadOfLaterCalls() {
        RoutingEngine e = spanishBilling();
        e.login(agent("ana", Map.of("spanish", 5), "es"));
        e.enqueue(call("a", "es", 0));
        e.enqueue(call("b", "es", 5));
        assertThat(e.route(at(30))).isEmpty();
        assertThat(e.positionOf("a")).isEqualTo(1);
        assertThat(e.positionOf("b")).isEqualTo(2);
        e.available("ana", at(30));
        assertThat(e.route(at(30))).containsExactly(new Decision("a", "ana", "es", 1));
        assertThat(e.positionOf("b")).isEqualTo(1);
    }

    @Test
    void laterStepsCanDropSkillsAltogether() {
        RoutingEngine e = spanishBilling();
        ready(e, agent("bob", Map.of("billing", 1), "es"), 0);
        e.enqueue(call("a", "es", 0));
        assertThat(e.route(at(59))).isEmpty();
        assertThat(e.nextStepAt(at(20))).contains(at(60));
        assertThat(e.route(at(60))).containsExactly(new Decision("a", "bob", "es", 2));
        assertThat(e.nextStepAt(at(60))).isEmpty();
    }

    @Test
    void aStepMatchesAnyOfItsAlternatives() {
        RequirementStep either = RequirementStep.anyOf(Duration.ZERO,
            List.of(req("spanish", 7)), List.of(req("billing", 5), req("english", 5)));
        RoutingEngine e = engine(new QueueRules("q", List.of(either), AgentSelection.LONGEST_IDLE, null, PriorityWeights.waitTimeOnly()));
        ready(e, agent("half", Map.of("billing", 9), "q"), 0);
        ready(e, agent("both", Map.of("billing", 5, "english", 6), "q"), 1);
        ready(e, agent("spanish", Map.of("spanish", 7), "q"), 2);
        assertThat(e.availableAgents("q")).isEqualTo(2);
        e.enqueue(call("1", "q", 3));
        e.enqueue(call("2", "q", 4));
        e.enqueue(call("3", "q", 5));
        assertThat(e.route(at(10))).extracting(Decision::agentId).containsExactly("both", "spanish");
    }

    @Test
    void nextStepAtIsTheEarliestWideningOfAnyWaitingCall() {
        RoutingEngine e = spanishBilling();
        assertThat(e.nextStepAt(at(0))).isEmpty();
        e.enqueue(call("a", "es", 0));
        e.enqueue(call("b", "es", 15));
        assertThat(e.nextStepAt(at(16))).contains(at(20));
        assertThat(e.nextStepAt(at(20))).as("strictly after now").contains(at(35));
        e.route(at(21));
        assertThat(e.nextStepAt(at(21))).contains(at(35));
        assertThat(e.nextStepAt(at(40))).as("asked later than the last route").contains(at(60));
        e.remove("a");
        assertThat(e.nextStepAt(at(40))).contains(at(75));
    }
}

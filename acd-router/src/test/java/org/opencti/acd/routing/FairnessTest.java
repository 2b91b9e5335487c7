package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.engine;
import static org.opencti.acd.routing.Fixtures.queue;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent serving support (priority 1), sales (2) and billing (3), with one call waiting in each. */
class FairnessTest {
    private static final Map<String, Integer> ALL_ROUND = Map.of("support", 5, "sales", 5, "billing", 5);

    private static RoutingEngine threeQueues(Fairness fairness) {
        RoutingEngine e = engine(fairness,
            queue("support", AgentSelection.LONGEST_IDLE, step(0, req("support", 1))),
            queue("sales", AgentSelection.LONGEST_IDLE, step(0, req("sales", 1))),
            queue("billing", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1))));
        e.login(new AgentEntry("x", ALL_ROUND, Map.of("support", 1, "sales", 2, "billing", 3), 1));
        e.enqueue(call("sales-call", "sales", 0));
        e.enqueue(call("billing-call", "billing", 5));
        e.enqueue(call("support-call", "support", 10));
        return e;
    }

    /** The agent frees up three times; which calls, in order. */
    private static List<String> servedInTurn(RoutingEngine e) {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            e.available("x", at(20 + i));
            List<Decision> d = e.route(at(20 + i));
            assertThat(d).hasSize(1);
            served.add(d.get(0).callId());
        }
        return served;
    }

    @Test
    void oldestCallFirstTakesTheBestScoredCallAcrossAllTheAgentsQueues() {
        assertThat(servedInTurn(threeQueues(Fairness.OLDEST_CALL_FIRST))).containsExactly("sales-call", "billing-call", "support-call");
    }

    @Test
    void queuePriorityFirstTakesTheAgentsBestQueueFirst() {
        assertThat(servedInTurn(threeQueues(Fairness.QUEUE_PRIORITY_FIRST))).containsExactly("support-call", "sales-call", "billing-call");
    }

    @Test
    void queuePriorityFirstPassesOverABetterQueueWhoseCallTheAgentCannotTake() {
        RoutingEngine e = threeQueues(Fairness.QUEUE_PRIORITY_FIRST);
        e.logout("x");
        e.login(new AgentEntry("x", Map.of("sales", 5, "billing", 5), Map.of("support", 1, "sales", 2, "billing", 3), 1));
        e.available("x", at(20));
        assertThat(e.route(at(20))).extracting(Decision::callId).containsExactly("sales-call");
    }

    @Test
    void whenSeveralAgentsAreFreeQueuePriorityFirstKeepsEachOnTheirBestQueue() {
        for (Fairness f : Fairness.values()) {
            RoutingEngine e = engine(f,
                queue("support", AgentSelection.LONGEST_IDLE, step(0, req("support", 1))),
                queue("sales", AgentSelection.LONGEST_IDLE, step(0, req("sales", 1))));
            e.login(new AgentEntry("x", ALL_ROUND, Map.of("support", 1, "sales", 2), 1));
            e.login(new AgentEntry("y", ALL_ROUND, Map.of("sales", 1), 1));
            e.available("x", at(0));
            e.available("y", at(5));
            e.enqueue(call("sales-call", "sales", 1));
            e.enqueue(call("support-call", "support", 2));
            List<Decision> d = e.route(at(10));
            if (f == Fairness.OLDEST_CALL_FIRST) {
                // the older sales call goes first, to x (idle longer); nobody else serves support
                assertThat(d).containsExactly(new Decision("sales-call", "x", "sales", 0));
            } else {
                assertThat(d).containsExactly(new Decision("sales-call", "y", "sales", 0), new Decision("support-call", "x", "support", 0));
            }
        }
    }
}

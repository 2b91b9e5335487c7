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

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueOperationsTest {
    private static final Map<String, Integer> BILLING = Map.of("billing", 5);

    private static RoutingEngine twoQueues() {
        return engine(queue("q1", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1))),
            queue("q2", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1)), step(30, req("billing", 1))));
    }

    @Test
    void aCallPutBackAfterRingNoAnswerKeepsItsPlaceAndSparesTheAgentWhoMissedIt() {
        RoutingEngine e = twoQueues();
        ready(e, agent("slow", BILLING, "q1"), 0);
        QueuedCall a = call("a", "q1", 10);
        e.enqueue(a);
        e.enqueue(call("b", "q1", 11));
        e.enqueue(call("c", "q1", 12));
        assertThat(e.route(at(12))).containsExactly(new Decision("a", "slow", "q1", 0));
        e.requeueAtHead(a);
        e.excludeAgent("a", "slow");
        assertThat(e.waitingCalls("q1")).extracting(QueuedCall::callId).containsExactly("a", "b", "c");
        assertThat(e.positionOf("a")).isEqualTo(1);
        e.available("slow", at(30));
        ready(e, agent("fast", BILLING, "q1"), 31);
        assertThat(e.route(at(31))).containsExactly(new Decision("a", "fast", "q1", 0), new Decision("b", "slow", "q1", 0));
    }

    @Test
    void requeueAtHeadGoesBeforeCallsOfTheSameScoreAndArrival() {
        RoutingEngine e = twoQueues();
        QueuedCall first = call("first", "q1", 10);
        e.enqueue(call("twin", "q1", 10));
        e.requeueAtHead(first);
        assertThat(e.waitingCalls("q1")).extracting(QueuedCall::callId).containsExactly("first", "twin");
    }

    @Test
    void overflowToAnotherQueueKeepsTheArrivalInstant() {
        RoutingEngine e = twoQueues();
        e.enqueue(call("a", "q1", 0));
        e.enqueue(call("x", "q2", 10));
        e.moveToQueue("a", "q2");
        assertThat(e.waiting("q1")).isZero();
        assertThat(e.oldestEnteredAt("q1")).isEmpty();
        assertThat(e.waitingCalls("q2")).extracting(QueuedCall::callId).containsExactly("a", "x");
        assertThat(e.waitingCalls("q2").get(0)).isEqualTo(call("a", "q2", 0));
        assertThat(e.oldestEnteredAt("q2")).contains(at(0));
        ready(e, agent("q2-agent", BILLING, "q2"), 0);
        assertThat(e.route(at(35))).as("a's step in q2 counts from when it first arrived")
            .containsExactly(new Decision("a", "q2-agent", "q2", 1));
    }

    @Test
    void eachAgentIsMatchedAtMostOnceAndNoCallTwice() {
        RoutingEngine e = twoQueues();
        for (int i = 0; i < 5; i++) {
            e.enqueue(call("c" + i, i % 2 == 0 ? "q1" : "q2", i));
        }
        ready(e, agent("a1", BILLING, "q1", "q2"), 0);
        ready(e, agent("a2", BILLING, "q1", "q2"), 1);
        ready(e, agent("a3", BILLING, "q2"), 2);
        List<Decision> d = e.route(at(10));
        assertThat(d).hasSize(3);
        Set<String> agents = new HashSet<>();
        Set<String> calls = new HashSet<>();
        d.forEach(x -> {
            agents.add(x.agentId());
            calls.add(x.callId());
        });
        assertThat(agents).hasSize(3);
        // c0 (q1) to a1, c1 (q2) to a2; c2 (q1) has nobody left, a3 serves only q2, so c3 (q2) goes to a3
        assertThat(d).containsExactly(new Decision("c0", "a1", "q1", 0), new Decision("c1", "a2", "q2", 0),
            new Decision("c3", "a3", "q2", 0));
        assertThat(calls).hasSize(3);
        assertThat(e.waiting("q1") + e.waiting("q2")).isEqualTo(2);
        assertThat(e.route(at(11))).as("matched agents are no longer available").isEmpty();
        assertThat(e.positionOf("c0")).as("a matched call is no longer waiting").isZero();
    }

    @Test
    void logoutRemovesTheAgentFromEveryQueue() {
        RoutingEngine e = engine(queue("q1", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1))),
            queue("q2", AgentSelection.ROUND_ROBIN, step(0, req("billing", 1))),
            queue("q3", AgentSelection.WEIGHTED_RANDOM, step(0, req("billing", 1)), step(10, req("billing", 1))));
        AgentEntry everywhere = agent("a", BILLING, "q1", "q2", "q3");
        ready(e, everywhere, 0);
        assertThat(List.of(e.availableAgents("q1"), e.availableAgents("q2"), e.availableAgents("q3"))).containsExactly(1, 1, 1);
        e.logout("a");
        for (String q : List.of("q1", "q2", "q3")) {
            assertThat(e.availableAgents(q)).isZero();
            assertThat(e.loggedInAgents(q)).isZero();
            e.enqueue(call(q + "-call", q, 1));
        }
        assertThat(e.route(at(20))).isEmpty();
        ready(e, everywhere, 21);
        assertThat(e.route(at(21))).extracting(Decision::callId).containsExactly("q1-call");
    }

    @Test
    void unavailableAgentsAreNotOfferedCalls() {
        RoutingEngine e = twoQueues();
        ready(e, agent("a", BILLING, "q1"), 0);
        e.unavailable("a");
        assertThat(e.availableAgents("q1")).isZero();
        assertThat(e.loggedInAgents("q1")).isEqualTo(1);
        e.enqueue(call("c", "q1", 1));
        assertThat(e.route(at(1))).isEmpty();
        assertThat(e.remove("c")).isTrue();
        assertThat(e.remove("c")).isFalse();
        assertThat(e.positionOf("c")).isZero();
    }

    @Test
    void anAvailableAgentFindsTheBestWaitingCallOfTheirQueues() {
        RoutingEngine e = twoQueues();
        e.enqueue(call("late", "q1", 20));
        e.enqueue(call("early", "q2", 5));
        e.login(agent("a", BILLING, "q1", "q2"));
        assertThat(e.route(at(25))).isEmpty();
        e.available("a", at(25));
        assertThat(e.route(at(25))).containsExactly(new Decision("early", "a", "q2", 0));
    }
}

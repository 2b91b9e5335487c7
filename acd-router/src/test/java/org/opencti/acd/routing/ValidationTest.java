package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.acd.routing.Fixtures.agent;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.engine;
import static org.opencti.acd.routing.Fixtures.queue;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final Map<String, Integer> BILLING = Map.of("billing", 5);

    private static RoutingEngine oneQueue() {
        return engine(queue("q", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1))));
    }

    @Test
    void callsForUnknownQueuesAreRefused() {
        RoutingEngine e = oneQueue();
        assertThatThrownBy(() -> e.enqueue(call("c", "nowhere", 0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown queue nowhere");
        e.enqueue(call("c", "q", 0));
        assertThatThrownBy(() -> e.moveToQueue("c", "nowhere")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown queue nowhere");
        assertThatThrownBy(() -> e.moveToQueue("gone", "q")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("call gone is not waiting");
        assertThatThrownBy(() -> e.waiting("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallIdCanWaitOnlyOnce() {
        RoutingEngine e = oneQueue();
        e.enqueue(call("c", "q", 0));
        assertThatThrownBy(() -> e.enqueue(call("c", "q", 5)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("call c is already waiting");
        assertThatThrownBy(() -> e.requeueAtHead(call("c", "q", 0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("call c is already waiting");
    }

    @Test
    void stepsMustStartAtZeroAndIncrease() {
        assertThatThrownBy(() -> queue("q", AgentSelection.LONGEST_IDLE, step(5, req("billing", 1))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue q: the first requirement step must start at 0 s");
        assertThatThrownBy(() -> queue("q", AgentSelection.LONGEST_IDLE, step(0), step(30), step(20)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 2 (after PT20S) does not start after step 1");
        assertThatThrownBy(() -> queue("q", AgentSelection.LONGEST_IDLE, step(0), step(0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new QueueRules("q", List.of(), AgentSelection.LONGEST_IDLE, null, PriorityWeights.waitTimeOnly()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one requirement step");
        assertThatThrownBy(() -> new RequirementStep(Duration.ZERO, List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one alternative");
        assertThatThrownBy(() -> new QueueRules("q", List.of(step(0)), AgentSelection.LONGEST_IDLE, Duration.ZERO,
            PriorityWeights.waitTimeOnly())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownerFirstFor");
    }

    @Test
    void weightsAndPrioritiesMustMakeSense() {
        assertThatThrownBy(() -> new AgentEntry("a", BILLING, Map.of("q", 1), -1))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("agent a: weight must be between 0 and 1000000.0, not -1.0");
        assertThatThrownBy(() -> new AgentEntry("a", BILLING, Map.of("q", 1), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentEntry("a", BILLING, Map.of("q", 0), 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 (highest) or more");
        assertThatThrownBy(() -> new AgentEntry("a", BILLING, Map.of(), 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one queue");
        assertThatThrownBy(() -> new PriorityWeights(Map.of(), 0, 0, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("so that no call starves");
        assertThatThrownBy(() -> new PriorityWeights(Map.of("Gold", Double.POSITIVE_INFINITY), 0, 0, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier Gold");
        assertThatThrownBy(() -> new CallerProfile(null, false, false, null, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agentsMustBeLoggedInToQueuesThatExist() {
        RoutingEngine e = oneQueue();
        assertThatThrownBy(() -> e.login(agent("a", BILLING, "q", "nowhere")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent a serves unknown queue nowhere");
        assertThatThrownBy(() -> e.available("a", at(0))).as("the failed login left nothing behind")
            .isInstanceOf(IllegalArgumentException.class).hasMessage("agent a is not logged in");
        e.login(agent("a", BILLING, "q"));
        assertThatThrownBy(() -> e.login(agent("a", BILLING, "q")))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("agent a is already logged in");
        assertThatThrownBy(() -> e.handled("a", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.logout("b")).isInstanceOf(IllegalArgumentException.class).hasMessage("agent b is not logged in");
    }

    @Test
    void queueNamesAreUnique() {
        assertThatThrownBy(() -> engine(queue("q", AgentSelection.LONGEST_IDLE, step(0)), queue("q", AgentSelection.FEWEST_CALLS, step(0))))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("queue q is defined twice");
    }
}

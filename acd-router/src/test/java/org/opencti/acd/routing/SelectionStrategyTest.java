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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SelectionStrategyTest {
    private static final Map<String, Integer> BILLING = Map.of("billing", 5);

    /** One call into "q", routed at {@code second}: who got it. */
    private static String offer(RoutingEngine engine, String callId, int second) {
        engine.enqueue(call(callId, "q", second));
        List<Decision> d = engine.route(at(second));
        assertThat(d).hasSize(1);
        return d.get(0).agentId();
    }

    @Test
    void longestIdleTakesTheAgentIdleSinceEarliest() {
        RoutingEngine e = engine(queue("q", AgentSelection.LONGEST_IDLE, step(0, req("billing", 1))));
        ready(e, agent("a", BILLING, "q"), 10);
        ready(e, agent("b", BILLING, "q"), 5);
        ready(e, agent("c", BILLING, "q"), 20);
        assertThat(List.of(offer(e, "1", 30), offer(e, "2", 31), offer(e, "3", 32))).containsExactly("b", "a", "c");
    }

    @Test
    void fewestCallsCountsTheDayAndBreaksTiesByIdleTime() {
        RoutingEngine e = engine(queue("q", AgentSelection.FEWEST_CALLS, step(0, req("billing", 1))));
        ready(e, agent("a", BILLING, "q"), 1);
        ready(e, agent("b", BILLING, "q"), 20);
        ready(e, agent("c", BILLING, "q"), 10);
        for (int i = 0; i < 3; i++) {
            e.handled("a", Duration.ofSeconds(10));
        }
        e.handled("b", Duration.ofSeconds(10));
        e.handled("c", Duration.ofSeconds(10));
        assertThat(offer(e, "1", 30)).as("b and c tie on one call; c has been idle longer").isEqualTo("c");
        e.available("c", at(31));
        e.startNewDay();
        assertThat(offer(e, "2", 40)).as("a new day: everyone at zero, the longest idle wins").isEqualTo("a");
    }

    @Test
    void leastTalkTimeTakesTheAgentWhoTalkedLeastToday() {
        RoutingEngine e = engine(queue("q", AgentSelection.LEAST_TALK_TIME, step(0, req("billing", 1))));
        ready(e, agent("a", BILLING, "q"), 1);
        ready(e, agent("b", BILLING, "q"), 2);
        ready(e, agent("c", BILLING, "q"), 3);
        e.handled("a", Duration.ofSeconds(100));
        e.handled("b", Duration.ofSeconds(30));
        e.handled("c", Duration.ofSeconds(60));
        assertThat(List.of(offer(e, "1", 10), offer(e, "2", 11), offer(e, "3", 12))).containsExactly("b", "c", "a");
    }

    @Test
    void bestProficiencySumsTheLevelsOfTheBestAlternativeMet() {
        RequirementStep spanishBilling = RequirementStep.anyOf(Duration.ZERO,
            List.of(req("spanish", 3), req("billing", 3)), List.of(req("tech", 8)));
        RoutingEngine e = engine(new QueueRules("q", List.of(spanishBilling), AgentSelection.BEST_PROFICIENCY, null,
            PriorityWeights.waitTimeOnly()));
        ready(e, agent("a", Map.of("spanish", 9, "billing", 3), "q"), 1);
        ready(e, agent("b", Map.of("spanish", 5, "billing", 5, "tech", 10), "q"), 5);
        ready(e, agent("c", Map.of("spanish", 4, "billing", 8), "q"), 3);
        ready(e, agent("d", Map.of("spanish", 10, "billing", 10), "q"), 9);
        // d = 20; a = 12 and c = 12 (a idle longer); b = max(10, tech 10) = 10
        assertThat(List.of(offer(e, "1", 10), offer(e, "2", 11), offer(e, "3", 12), offer(e, "4", 13)))
            .containsExactly("d", "a", "c", "b");
    }

    @Test
    void roundRobinRemembersTheLastPickAcrossCallsAndSkipsWhoIsNotAvailable() {
        RoutingEngine e = engine(queue("q", AgentSelection.ROUND_ROBIN, step(0, req("billing", 1))));
        for (String id : List.of("d", "b", "a", "c")) {
            ready(e, agent(id, BILLING, "q"), 100);
        }
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String who = offer(e, "r" + i, i);
            picks.add(who);
            if (!who.equals("c")) {
                e.available(who, at(i)); // c stays busy after its first call
            }
        }
        assertThat(picks).containsExactly("a", "b", "c", "d", "a", "b");
        e.available("c", at(10));
        e.logout("b");
        assertThat(offer(e, "r6", 11)).as("b was the last pick and has logged out; the rotation goes on after b").isEqualTo("c");
    }

    @Test
    void weightedRandomIsReproducibleWithTheSameSeed() {
        assertThat(weightedPicks(7, 50)).isEqualTo(weightedPicks(7, 50)).isNotEqualTo(weightedPicks(8, 50));
    }

    @Test
    void weightedRandomPicksInProportionToWeight() {
        Map<String, Integer> count = new HashMap<>();
        weightedPicks(1, 20_000).forEach(id -> count.merge(id, 1, Integer::sum));
        assertThat(count.get("light") / 20_000.0).isCloseTo(0.1, Offset.offset(0.015));
        assertThat(count.get("medium") / 20_000.0).isCloseTo(0.2, Offset.offset(0.015));
        assertThat(count.get("heavy") / 20_000.0).isCloseTo(0.7, Offset.offset(0.015));
    }

    private static List<String> weightedPicks(long seed, int n) {
        RoutingEngine e = new RoutingEngine(List.of(queue("q", AgentSelection.WEIGHTED_RANDOM, step(0, req("billing", 1)))),
            Fairness.OLDEST_CALL_FIRST, new SplittableRandom(seed));
        e.login(new AgentEntry("light", BILLING, Map.of("q", 1), 1));
        e.login(new AgentEntry("medium", BILLING, Map.of("q", 1), 2));
        e.login(new AgentEntry("heavy", BILLING, Map.of("q", 1), 7));
        List<String> picks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (String id : List.of("light", "medium", "heavy")) {
                e.available(id, at(0));
            }
            picks.add(offer(e, "w" + i, i));
        }
        return picks;
    }
}

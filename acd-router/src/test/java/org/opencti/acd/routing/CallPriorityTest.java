package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.routing.Fixtures.agent;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallPriorityTest {
    private static final PriorityWeights WEIGHTS = new PriorityWeights(Map.of("Gold", 300.0, "Silver", 150.0, "Bronze", 0.0), 200, 100, 1);

    private static RoutingEngine engine() {
        return new RoutingEngine(List.of(new QueueRules("q", List.of(step(0, req("billing", 1))), AgentSelection.LONGEST_IDLE, null,
            WEIGHTS)), Fairness.OLDEST_CALL_FIRST, new SplittableRandom(1));
    }

    private static CallerProfile tier(String tier) {
        return new CallerProfile(tier, false, false, null, 0);
    }

    @Test
    void tierVipChurnAndIvrBoostOrderCallsThatArrivedTogether() {
        RoutingEngine e = engine();
        e.enqueue(call("bronze", "q", 0, tier("Bronze")));
        e.enqueue(call("ivr", "q", 0, new CallerProfile("Bronze", false, false, null, 50)));
        e.enqueue(call("churn", "q", 0, new CallerProfile("Bronze", false, true, null, 0)));
        e.enqueue(call("silver", "q", 0, tier("Silver")));
        e.enqueue(call("vip", "q", 0, new CallerProfile("Bronze", true, false, null, 0)));
        e.enqueue(call("gold", "q", 0, tier("Gold")));
        e.enqueue(call("unknown-tier", "q", 0, tier("Platinum")));
        assertThat(e.waitingCalls("q")).extracting(QueuedCall::callId)
            .containsExactly("gold", "vip", "silver", "churn", "ivr", "bronze", "unknown-tier");
        assertThat(e.positionOf("silver")).isEqualTo(3);
        assertThat(e.positionOf("unknown-tier")).isEqualTo(7);
    }

    @Test
    void waitingEarnsPointsSoAnOlderCallOvertakesOnceItsWaitCoversTheGap() {
        RoutingEngine e = engine();
        e.enqueue(call("bronze", "q", 0, tier("Bronze")));
        e.enqueue(call("gold-at-299", "q", 299, tier("Gold")));
        e.enqueue(call("gold-at-301", "q", 301, tier("Gold")));
        // at any instant t: bronze = t, gold-at-299 = 300 + t - 299 = t + 1, gold-at-301 = t - 1
        assertThat(e.waitingCalls("q")).extracting(QueuedCall::callId).containsExactly("gold-at-299", "bronze", "gold-at-301");
    }

    @Test
    void aCallNeverStarvesABronzeCallBeatsNewerGoldCallsOnceItHasWaited300Seconds() {
        RoutingEngine e = engine();
        e.login(agent("a", Map.of("billing", 5), "q"));
        e.enqueue(call("bronze", "q", 0, tier("Bronze")));
        int servedAt = -1;
        // a new Gold caller every 10 s, and one agent freeing up every 10 s: gold would always win on tier alone
        for (int t = 10; t <= 600 && servedAt < 0; t += 10) {
            e.enqueue(call("gold-" + t, "q", t, tier("Gold")));
            e.available("a", at(t));
            for (Decision d : e.route(at(t))) {
                if (d.callId().equals("bronze")) {
                    servedAt = t;
                }
            }
        }
        // at 300 s the bronze call's wait equals the 300-point gap to a brand-new gold call; the tie goes to the earlier
        assertThat(servedAt).isEqualTo(300);
    }

    @Test
    void queuesWithDifferentRatesAreComparedByScoreAtTheRoutingInstant() {
        QueueRules slow = new QueueRules("slow", List.of(step(0, req("billing", 1))), AgentSelection.LONGEST_IDLE, null,
            new PriorityWeights(Map.of(), 0, 0, 1));
        QueueRules fast = new QueueRules("fast", List.of(step(0, req("billing", 1))), AgentSelection.LONGEST_IDLE, null,
            new PriorityWeights(Map.of(), 0, 0, 3));
        RoutingEngine e = new RoutingEngine(List.of(slow, fast), Fairness.OLDEST_CALL_FIRST, new SplittableRandom(1));
        e.login(agent("a", Map.of("billing", 5), "slow", "fast"));
        e.enqueue(call("slow-call", "slow", 0));
        e.enqueue(call("fast-call", "fast", 20));
        e.available("a", at(29));
        // at 29 s: slow = 29, fast = 3 * 9 = 27
        assertThat(e.route(at(29))).extracting(Decision::callId).containsExactly("slow-call");
        e.enqueue(call("slow-2", "slow", 0));
        e.available("a", at(31));
        // at 31 s: slow-2 = 31, fast = 33
        assertThat(e.route(at(31))).extracting(Decision::callId).containsExactly("fast-call");
    }
}

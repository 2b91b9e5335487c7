package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.routing.Fixtures.agent;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.engine;
import static org.opencti.acd.routing.Fixtures.ready;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Premium queue: the caller's account manager "am" has the first 30 s; "pool" is idle longer and otherwise first. */
class OwnerFirstTest {
    private static final Map<String, Integer> BILLING = Map.of("billing", 5);
    private static final CallerProfile CLIENT_OF_AM = new CallerProfile("Gold", false, false, "am", 0);
    private RoutingEngine e;

    @BeforeEach
    void setUp() {
        e = engine(new QueueRules("premium", List.of(step(0, req("billing", 3))), AgentSelection.LONGEST_IDLE, Duration.ofSeconds(30),
            PriorityWeights.waitTimeOnly()));
        ready(e, agent("pool", BILLING, "premium"), 0);
        e.login(agent("am", BILLING, "premium"));
    }

    @Test
    void aReadyOwnerGetsTheCallAtOnce() {
        e.available("am", at(50));
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "am", "premium", 0));
    }

    @Test
    void aBusyOwnerIsWaitedForUntilTheWindowEndsThenThePoolTakesIt() {
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).isEmpty();
        assertThat(e.nextStepAt(at(60))).contains(at(90));
        assertThat(e.route(at(89))).isEmpty();
        assertThat(e.route(at(90))).containsExactly(new Decision("c", "pool", "premium", 0));
    }

    @Test
    void anOwnerWhoFreesUpWithinTheWindowGetsTheCall() {
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).isEmpty();
        e.available("am", at(75));
        assertThat(e.route(at(75))).containsExactly(new Decision("c", "am", "premium", 0));
    }

    @Test
    void withTheOwnerNotLoggedInToTheQueueThePoolTakesTheCallAtOnce() {
        e.logout("am");
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "pool", "premium", 0));
    }

    @Test
    void anOwnerLoggingOutReleasesTheirCallsToThePool() {
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).isEmpty();
        e.logout("am");
        assertThat(e.route(at(61))).containsExactly(new Decision("c", "pool", "premium", 0));
    }

    @Test
    void theOwnerNeedsNoSkillsTheRelationshipIsTheQualification() {
        e.logout("am");
        ready(e, agent("am", Map.of(), "premium"), 50);
        e.enqueue(call("c", "premium", 60, CLIENT_OF_AM));
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "am", "premium", 0));
    }

    @Test
    void otherCallersAreNotHeldForTheOwner() {
        e.enqueue(call("c", "premium", 60, CallerProfile.standard()));
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "pool", "premium", 0));
    }
}

package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.acd.routing.Fixtures.agent;
import static org.opencti.acd.routing.Fixtures.at;
import static org.opencti.acd.routing.Fixtures.call;
import static org.opencti.acd.routing.Fixtures.engine;
import static org.opencti.acd.routing.Fixtures.queue;
import static org.opencti.acd.routing.Fixtures.ready;
import static org.opencti.acd.routing.Fixtures.req;
import static org.opencti.acd.routing.Fixtures.step;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.acd.SkillRequirement;

/**
 * A caller who chose Spanish in the IVR needs a Spanish speaker for 60 s, then anyone in the queue. "ana" speaks only
 * English and is idle longest; "sofia" speaks Spanish.
 */
class CallSkillsTest {
    private static final CallSkills SPANISH_FOR_60S = new CallSkills(List.of(new SkillRequirement("spanish", 5)), at(60));
    private RoutingEngine e;

    @BeforeEach
    void setUp() {
        e = engine(queue("support", AgentSelection.LONGEST_IDLE, step(0, req("support", 1))));
    }

    private static QueuedCall spanishCaller(String id, int enteredSecond) {
        return new QueuedCall(id, "support", at(enteredSecond), CallerProfile.standard(),
            new CallSkills(SPANISH_FOR_60S.required(), at(enteredSecond + 60)));
    }

    @Test
    void theCallGoesToTheAgentWithTheSkillEvenWhenAnotherIsIdleLonger() {
        ready(e, agent("ana", Map.of("support", 5), "support"), 0);
        ready(e, agent("sofia", Map.of("support", 5, "spanish", 8), "support"), 30);
        e.enqueue(spanishCaller("c", 40));
        assertThat(e.route(at(40))).containsExactly(new Decision("c", "sofia", "support", 0));
    }

    @Test
    void aLevelBelowTheOneAskedForDoesNotCount() {
        ready(e, agent("pablo", Map.of("support", 5, "spanish", 3), "support"), 0);
        e.enqueue(spanishCaller("c", 0));
        assertThat(e.route(at(0))).isEmpty();
    }

    @Test
    void withNobodyWithTheSkillTheCallWaitsUntilItsSkillsLapseThenAnyoneTakesIt() {
        ready(e, agent("ana", Map.of("support", 5), "support"), 0);
        e.enqueue(spanishCaller("c", 0));
        assertThat(e.route(at(0))).isEmpty();
        assertThat(e.nextStepAt(at(0))).contains(at(60));
        assertThat(e.route(at(59))).isEmpty();
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "ana", "support", 0));
    }

    @Test
    void aCallerBehindTheWaitingSpanishCallerIsNotHeldUpByIt() {
        ready(e, agent("ana", Map.of("support", 5), "support"), 0);
        e.enqueue(spanishCaller("first", 0));
        e.enqueue(call("second", "support", 5));
        assertThat(e.route(at(5))).containsExactly(new Decision("second", "ana", "support", 0));
        assertThat(e.positionOf("first")).isEqualTo(1);
    }

    @Test
    void anAgentWhoFreesUpLaterSkipsTheCallTheyCannotTakeForTheNextOne() {
        e.login(agent("ana", Map.of("support", 5), "support"));
        e.enqueue(spanishCaller("first", 0));
        e.enqueue(call("second", "support", 5));
        assertThat(e.route(at(5))).isEmpty();
        e.available("ana", at(10));
        assertThat(e.route(at(10))).containsExactly(new Decision("second", "ana", "support", 0));
    }

    @Test
    void theSkillsTravelWithTheCallWhenItOverflows() {
        e = engine(queue("support", AgentSelection.LONGEST_IDLE, step(0, req("support", 1))),
            queue("overflow", AgentSelection.LONGEST_IDLE, step(0, req("support", 1))));
        ready(e, agent("ana", Map.of("support", 5), "overflow"), 0);
        e.enqueue(spanishCaller("c", 0));
        e.moveToQueue("c", "overflow");
        assertThat(e.route(at(10))).isEmpty();
        assertThat(e.waitingCalls("overflow")).singleElement().satisfies(q -> assertThat(q.skills().required())
            .containsExactly(new SkillRequirement("spanish", 5)));
        assertThat(e.route(at(60))).containsExactly(new Decision("c", "ana", "overflow", 0));
    }

    @Test
    void skillsWithoutAnEndAreRefused() {
        assertThatThrownBy(() -> new CallSkills(List.of(req("spanish", 1)), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spanish");
    }
}

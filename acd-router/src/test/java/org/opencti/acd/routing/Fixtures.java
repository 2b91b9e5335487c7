package org.opencti.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.opencti.acd.SkillRequirement;

/** Short names for the tests' queues, agents and calls. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private Fixtures() {
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static SkillRequirement req(String skill, int level) {
        return new SkillRequirement(skill, level);
    }

    static RequirementStep step(int afterSeconds, SkillRequirement... all) {
        return RequirementStep.of(Duration.ofSeconds(afterSeconds), all);
    }

    static QueueRules queue(String name, AgentSelection selection, RequirementStep... steps) {
        return new QueueRules(name, List.of(steps), selection, null, PriorityWeights.waitTimeOnly());
    }

    static RoutingEngine engine(Fairness fairness, QueueRules... queues) {
        return new RoutingEngine(List.of(queues), fairness, new SplittableRandom(42));
    }

    static RoutingEngine engine(QueueRules... queues) {
        return engine(Fairness.OLDEST_CALL_FIRST, queues);
    }

    static AgentEntry agent(String id, Map<String, Integer> skills, String... queues) {
        return AgentEntry.of(id, skills, queues);
    }

    /** Logs the agent in and makes them available, idle since {@code idleSecond}. */
    static void ready(RoutingEngine engine, AgentEntry agent, int idleSecond) {
        engine.login(agent);
        engine.available(agent.agentId(), at(idleSecond));
    }

    static QueuedCall call(String id, String queue, int enteredSecond) {
        return new QueuedCall(id, queue, at(enteredSecond), CallerProfile.standard());
    }

    static QueuedCall call(String id, String queue, int enteredSecond, CallerProfile caller) {
        return new QueuedCall(id, queue, at(enteredSecond), caller);
    }
}

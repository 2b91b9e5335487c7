package org.opencti.acd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.opencti.acd.routing.Fairness;
import org.opencti.acd.stats.ServiceLevelPolicy;

/**
 * The ACD's whole configuration: contexts and variables it relies on, the queues with their rules, how
 * agents share their time between queues, the agents, the service-level targets, and the seed of the
 * random source (weighted-random selection), so a run is repeatable; and what callers may ask of agents beyond
 * their queue (their language, skills the IVR named); and what the agent desk allows (desk extensions, dialing, callbacks).
 */
public record AcdSetup(AcdSettings settings, List<QueueSetup> queues, Fairness fairness, List<AgentProfile> agents,
                       ServiceLevelPolicy serviceLevels, Duration statisticsWindow, long randomSeed, CallSkillPolicy callSkills,
                       DeskSettings desk) {
    public AcdSetup {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("the ACD needs at least one queue");
        }
        if (queues.stream().noneMatch(q -> q.name().equals(settings.defaultQueue()))) {
            throw new IllegalArgumentException("the default queue \"" + settings.defaultQueue() + "\" is not one of the queues");
        }
        callSkills = callSkills == null ? CallSkillPolicy.NONE : callSkills;
        desk = desk == null ? DeskSettings.DEFAULT : desk;
    }

    /** With the agent desk's defaults (no desk extensions, no typed numbers). */
    public AcdSetup(AcdSettings settings, List<QueueSetup> queues, Fairness fairness, List<AgentProfile> agents,
                    ServiceLevelPolicy serviceLevels, Duration statisticsWindow, long randomSeed, CallSkillPolicy callSkills) {
        this(settings, queues, fairness, agents, serviceLevels, statisticsWindow, randomSeed, callSkills, DeskSettings.DEFAULT);
    }

    /** Callers ask for nothing beyond their queue. */
    public AcdSetup(AcdSettings settings, List<QueueSetup> queues, Fairness fairness, List<AgentProfile> agents,
                    ServiceLevelPolicy serviceLevels, Duration statisticsWindow, long randomSeed) {
        this(settings, queues, fairness, agents, serviceLevels, statisticsWindow, randomSeed, CallSkillPolicy.NONE);
    }

    /** Oldest call first across queues, 80 % in 20 s for everyone, a 30-minute statistics window. */
    public static AcdSetup simple(AcdSettings settings, List<QueueSetup> queues, List<AgentProfile> agents) {
        return new AcdSetup(settings, queues, Fairness.OLDEST_CALL_FIRST, agents,
            new ServiceLevelPolicy(Map.of(), Duration.ofSeconds(20), Map.of(), ServiceLevelPolicy.DEFAULT_TARGET_PERCENT,
                ServiceLevelPolicy.DEFAULT_SHORT_ABANDON), Duration.ofMinutes(30), 1L);
    }
}

package org.opencti.acd.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * An agent as the router sees them while logged in. Skills and queues are fixed for the session, which is what lets
 * the engine work out once, at login, which steps of which queues the agent qualifies for.
 *
 * @param skills          skill name to level
 * @param queuePriorities the queues the agent serves, each with the agent's priority for it (1 = highest)
 * @param weight          share of calls under {@link AgentSelection#WEIGHTED_RANDOM}; resolved to thousandths, and a
 *                        weight of 0 counts as the smallest share (0.001) so such an agent is picked rarely, not never
 */
public record AgentEntry(String agentId, Map<String, Integer> skills, Map<String, Integer> queuePriorities, double weight) {
    /** Keeps the sum of weights of any queue exact in a long. */
    public static final double MAX_WEIGHT = 1e6;

    public AgentEntry {
        if (agentId == null || agentId.isBlank()) {
            throw new IllegalArgumentException("an agent needs an id");
        }
        if (skills == null) {
            throw new IllegalArgumentException("agent " + agentId + ": skills must be a map of skill names to levels");
        }
        skills.forEach((skill, level) -> {
            if (skill == null || level == null) {
                throw new IllegalArgumentException("agent " + agentId + ": skills must be a map of skill names to levels, not "
                    + skill + " = " + level);
            }
        });
        skills = Map.copyOf(skills);
        if (queuePriorities == null || queuePriorities.isEmpty()) {
            throw new IllegalArgumentException("agent " + agentId + ": must serve at least one queue");
        }
        queuePriorities.forEach((queue, priority) -> {
            if (queue == null || priority == null || priority < 1) {
                throw new IllegalArgumentException("agent " + agentId + ": queue priorities must be 1 (highest) or more, not "
                    + queue + " = " + priority);
            }
        });
        queuePriorities = Map.copyOf(queuePriorities);
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("agent " + agentId + ": weight must be between 0 and " + MAX_WEIGHT + ", not " + weight);
        }
    }

    /** A weight of 1 in each of {@code queues}, all at priority 1. */
    public static AgentEntry of(String agentId, Map<String, Integer> skills, String... queues) {
        Map<String, Integer> priorities = new HashMap<>();
        for (String q : queues) {
            priorities.put(q, 1);
        }
        return new AgentEntry(agentId, skills, priorities, 1);
    }

    /** The weight as the engine draws with it: whole thousandths, at least one. */
    long weightUnits() {
        return Math.max(1, Math.round(weight * 1000));
    }
}

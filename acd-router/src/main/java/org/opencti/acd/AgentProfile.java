package org.opencti.acd;

import java.util.Map;

/**
 * Who an agent is for routing: their skills, the dial string of their phone, the queues they serve
 * with their priority in each (1 = highest; empty = every queue they qualify for, at priority 1), and
 * their weight for weighted-random selection.
 */
public record AgentProfile(String id, String name, String team, String phone, Map<String, Integer> skills,
                           Map<String, Integer> queues, double weight) {
    public AgentProfile {
        skills = Map.copyOf(skills);
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    public AgentProfile(String id, String name, String team, String phone, Map<String, Integer> skills) {
        this(id, name, team, phone, skills, Map.of(), 1.0);
    }

    /** The same agent at another phone (the desk extension they logged in at, or their own again). */
    public AgentProfile withPhone(String dialString) {
        return new AgentProfile(id, name, team, dialString, skills, queues, weight);
    }
}

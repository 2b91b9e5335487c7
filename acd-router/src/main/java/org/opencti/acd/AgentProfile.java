package org.opencti.acd;

import java.util.Map;

/** Who an agent is for routing: their skills and the dial string of their phone. */
public record AgentProfile(String id, String name, String team, String phone, Map<String, Integer> skills) {
    public AgentProfile {
        skills = Map.copyOf(skills);
    }
}

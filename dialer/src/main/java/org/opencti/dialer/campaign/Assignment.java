package org.opencti.dialer.campaign;

import java.util.Set;

/** Who works the campaign: these agents, or anyone with this skill (or both). */
public record Assignment(Set<String> agents, String skill) {
    public Assignment {
        agents = agents == null ? Set.of() : Set.copyOf(agents);
        if (skill != null && skill.isBlank()) {
            skill = null;
        }
        if (agents.isEmpty() && skill == null) {
            throw new IllegalArgumentException("assignment must name agents or a skill");
        }
        for (String agent : agents) {
            if (agent == null || agent.isBlank()) {
                throw new IllegalArgumentException("assignment agents must not contain a blank id");
            }
        }
    }

    public static Assignment skill(String skill) {
        return new Assignment(Set.of(), skill);
    }
}

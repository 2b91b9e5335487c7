package org.opencti.acd;

import java.util.Map;

/** A queue needs agents with at least this level (1..10) in this skill. */
public record SkillRequirement(String skill, int minLevel) {
    public boolean metBy(Map<String, Integer> skills) {
        Integer level = skills.get(skill);
        return level != null && level >= minLevel;
    }
}

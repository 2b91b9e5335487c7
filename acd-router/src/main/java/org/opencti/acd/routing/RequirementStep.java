package org.opencti.acd.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencti.acd.SkillRequirement;

/**
 * Who may take a call once it has waited at least {@code after}: an agent who meets every requirement of any one of
 * the {@code alternatives} (an OR of ANDs). An empty alternative admits any agent of the queue.
 */
public record RequirementStep(Duration after, List<List<SkillRequirement>> alternatives) {
    public RequirementStep {
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("a requirement step cannot start before the call arrives: after = " + after);
        }
        if (alternatives == null || alternatives.isEmpty()) {
            throw new IllegalArgumentException("a requirement step needs at least one alternative (an empty one admits any agent)");
        }
        List<List<SkillRequirement>> copy = new ArrayList<>(alternatives.size());
        for (List<SkillRequirement> alternative : alternatives) {
            if (alternative == null) {
                throw new IllegalArgumentException("a requirement step's alternative cannot be null");
            }
            for (SkillRequirement r : alternative) {
                if (r == null || r.skill() == null) {
                    throw new IllegalArgumentException("a skill requirement needs a skill: " + alternative);
                }
            }
            copy.add(List.copyOf(alternative));
        }
        alternatives = List.copyOf(copy);
    }

    /** A step with one alternative: all of {@code requirements}. */
    public static RequirementStep of(Duration after, SkillRequirement... requirements) {
        return new RequirementStep(after, List.of(Arrays.asList(requirements)));
    }

    /** A step with several alternatives, any of which qualifies. */
    @SafeVarargs
    public static RequirementStep anyOf(Duration after, List<SkillRequirement>... alternatives) {
        List<List<SkillRequirement>> all = new ArrayList<>(alternatives.length);
        for (List<SkillRequirement> alternative : alternatives) {
            all.add(alternative);
        }
        return new RequirementStep(after, all);
    }

    /** True when the skills meet every requirement of some alternative. */
    public boolean metBy(Map<String, Integer> skills) {
        return proficiency(skills) >= 0;
    }

    /**
     * The sum of the agent's levels on the skills of the best alternative they meet, or -1 if they meet none. When
     * several alternatives qualify the agent, the best one counts: that is the one they would be chosen for.
     */
    public int proficiency(Map<String, Integer> skills) {
        int best = -1;
        for (List<SkillRequirement> alternative : alternatives) {
            int sum = 0;
            for (SkillRequirement r : alternative) {
                if (!r.metBy(skills)) {
                    sum = -1;
                    break;
                }
                sum += skills.get(r.skill());
            }
            best = Math.max(best, sum);
        }
        return best;
    }
}

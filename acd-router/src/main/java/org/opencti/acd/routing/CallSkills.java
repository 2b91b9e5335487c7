package org.opencti.acd.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencti.acd.SkillRequirement;

/**
 * Skills one caller asked for on top of their queue's (a language chosen in the IVR, a product named there), required
 * of the agent until {@code until}. After that any agent the queue's step allows may take the call: a caller is not
 * left waiting for ever for a skill that nobody logged in has.
 */
public record CallSkills(List<SkillRequirement> required, Instant until) {
    /** A caller who asked for nothing beyond the queue. */
    public static final CallSkills NONE = new CallSkills(List.of(), null);

    public CallSkills {
        required = List.copyOf(Objects.requireNonNull(required, "required"));
        if (!required.isEmpty() && until == null) {
            throw new IllegalArgumentException("call skills " + required + " need the instant they stop being required");
        }
    }

    /** Whether the skills still narrow the agents who may take the call at {@code now}. */
    public boolean activeAt(Instant now) {
        return !required.isEmpty() && now.isBefore(until);
    }

    public boolean metBy(Map<String, Integer> skills) {
        for (SkillRequirement r : required) {
            if (!r.metBy(skills)) {
                return false;
            }
        }
        return true;
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may ask of an agent beyond their queue's steps, and for how long: the skill each language needs (a
 * caller who chose Spanish in the IVR needs a Spanish speaker) and the skills the IVR named ({@code CTI_SKILLS}). Only
 * skills the contact centre has count, so a typo in a dialplan cannot strand a caller; and after {@code waitFor} any
 * agent the queue allows may take the call.
 */
public record CallSkillPolicy(Map<String, SkillRequirement> languages, Set<String> knownSkills, Duration waitFor) {
    /** Callers ask for nothing beyond their queue. */
    public static final CallSkillPolicy NONE = new CallSkillPolicy(Map.of(), Set.of(), Duration.ofSeconds(60));

    public CallSkillPolicy {
        languages = Map.copyOf(languages);
        knownSkills = Set.copyOf(knownSkills);
        Objects.requireNonNull(waitFor, "waitFor");
        if (waitFor.isNegative() || waitFor.isZero()) {
            throw new IllegalArgumentException("callers must wait some time for the skills they asked for, not " + waitFor);
        }
    }

    /** {@code skill} (level 1) or {@code skill:level}; empty when it is not one of {@code knownSkills} at a level 1..10. */
    public static Optional<SkillRequirement> requirement(String item, Set<String> knownSkills) {
        String[] parts = item.split(":", -1);
        if (parts.length > 2 || !knownSkills.contains(parts[0])) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(new SkillRequirement(parts[0], 1));
        }
        return parts[1].matches("[1-9]|10") ? Optional.of(new SkillRequirement(parts[0], Integer.parseInt(parts[1]))) : Optional.empty();
    }
}

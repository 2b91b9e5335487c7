package org.opencti.acd;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A queue as the router sees it: what an agent must have to take its calls, and its timers. */
public record RoutingQueue(String name, List<SkillRequirement> requirements, Duration wrapUp, Duration ringTimeout) {
    public RoutingQueue {
        requirements = List.copyOf(requirements);
    }

    public boolean eligible(Map<String, Integer> skills) {
        for (SkillRequirement r : requirements) {
            if (!r.metBy(skills)) {
                return false;
            }
        }
        return true;
    }
}

package org.opencti.config;

import java.util.List;
import java.util.Map;

/**
 * Router settings that span queues.
 *
 * @param fairness which call a free agent who serves several queues gets: {@value #OLDEST_CALL_FIRST} (default; the
 *                 best-scored call in any of their queues) or {@value #QUEUE_PRIORITY_FIRST} (calls of the queues they
 *                 serve at priority 1 first, then 2, ...; the best-scored call within a level)
 * @param priority how waiting calls are scored
 * @param languages language code (as the IVR sets it in {@code CTI_LANGUAGE}) to the skill a caller who chose it needs,
 *                  written {@code skill} or {@code skill:minLevel}; languages not listed need nothing
 * @param callSkillsSeconds how long a caller waits for an agent with the skills they asked for (their language, the
 *                  IVR's {@code CTI_SKILLS}) before any agent the queue allows may take the call
 */
public record RoutingDef(String fairness, PriorityDef priority, Map<String, String> languages, int callSkillsSeconds) {

    public static final String OLDEST_CALL_FIRST = "oldestCallFirst";
    public static final String QUEUE_PRIORITY_FIRST = "queuePriorityFirst";
    /** Every valid fairness, the default first. */
    public static final List<String> FAIRNESS = List.of(OLDEST_CALL_FIRST, QUEUE_PRIORITY_FIRST);
    public static final int DEFAULT_CALL_SKILLS_SECONDS = 60;
    /** What a file without {@code routing:} gets. */
    public static final RoutingDef DEFAULT = new RoutingDef(OLDEST_CALL_FIRST, PriorityDef.DEFAULT);

    public RoutingDef {
        fairness = fairness == null ? OLDEST_CALL_FIRST : fairness;
        priority = priority == null ? PriorityDef.DEFAULT : priority;
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        callSkillsSeconds = callSkillsSeconds <= 0 ? DEFAULT_CALL_SKILLS_SECONDS : callSkillsSeconds;
    }

    public RoutingDef(String fairness, PriorityDef priority) {
        this(fairness, priority, Map.of(), DEFAULT_CALL_SKILLS_SECONDS);
    }
}

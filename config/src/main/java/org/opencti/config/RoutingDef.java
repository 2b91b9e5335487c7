package org.opencti.config;

import java.util.List;

/**
 * Router settings that span queues.
 *
 * @param fairness which call a free agent who serves several queues gets: {@value #OLDEST_CALL_FIRST} (default; the
 *                 best-scored call in any of their queues) or {@value #QUEUE_PRIORITY_FIRST} (calls of the queues they
 *                 serve at priority 1 first, then 2, ...; the best-scored call within a level)
 * @param priority how waiting calls are scored
 */
public record RoutingDef(String fairness, PriorityDef priority) {

    public static final String OLDEST_CALL_FIRST = "oldestCallFirst";
    public static final String QUEUE_PRIORITY_FIRST = "queuePriorityFirst";
    /** Every valid fairness, the default first. */
    public static final List<String> FAIRNESS = List.of(OLDEST_CALL_FIRST, QUEUE_PRIORITY_FIRST);
    /** What a file without {@code routing:} gets. */
    public static final RoutingDef DEFAULT = new RoutingDef(OLDEST_CALL_FIRST, PriorityDef.DEFAULT);

    public RoutingDef {
        fairness = fairness == null ? OLDEST_CALL_FIRST : fairness;
        priority = priority == null ? PriorityDef.DEFAULT : priority;
    }
}

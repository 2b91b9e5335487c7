package org.opencti.acd.routing;

/** Which call a free agent who serves several queues takes. */
public enum Fairness {
    /** The highest-scored call in any of the agent's queues (ties: the earliest to arrive). */
    OLDEST_CALL_FIRST,
    /**
     * A call of the agent's highest-priority queue (priority 1 first) that has one they can take, the highest-scored
     * there; the agent's lower-priority queues get them only when their better queues have nothing for them. Queues
     * the agent serves at the same priority count as one.
     */
    QUEUE_PRIORITY_FIRST
}

package org.opencti.acd.routing;

/**
 * Which of the qualified, available agents of a queue gets the call. Ties always fall back to the longest idle, then
 * to the agent id, so every pick is reproducible.
 */
public enum AgentSelection {
    /** The agent idle the longest (earliest {@code idleSince}). */
    LONGEST_IDLE,
    /** The agent who handled the fewest calls since {@link RoutingEngine#startNewDay()}. */
    FEWEST_CALLS,
    /** The agent with the least talk time since {@link RoutingEngine#startNewDay()}. */
    LEAST_TALK_TIME,
    /** The highest sum of levels on the skills of the best alternative the agent meets in the call's current step. */
    BEST_PROFICIENCY,
    /** The next agent, by agent id, after the one this queue picked last; wraps around. */
    ROUND_ROBIN,
    /** A random agent, in proportion to {@link AgentEntry#weight()}, drawn from the engine's generator. */
    WEIGHTED_RANDOM
}

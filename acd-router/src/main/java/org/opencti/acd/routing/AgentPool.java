package org.opencti.acd.routing;

import java.util.random.RandomGenerator;

/**
 * The available agents who meet one step of one queue, kept in the order the queue's selection picks them, so a pick
 * looks at the first few agents instead of every agent. Agents are handed in as their {@link Membership} of the
 * queue, which also stores their position in the pool.
 */
abstract class AgentPool {
    /** The agent became available (the caller flips the agent's flag after every pool has been told). */
    abstract void add(Membership member);

    /** The agent is no longer available (the caller flips the flag after every pool has been told). */
    abstract void remove(Membership member);

    abstract int size();

    /** The agent to give {@code call}, among those the filter accepts; null when there is none. */
    abstract AgentNode select(CallNode call, CandidateFilter filter);

    /** An agent who meets this step logged in (not yet available). */
    void joined(Membership member) {
        // only pools in agent id order keep members who are not available
    }

    /** An agent who meets this step logged out (no longer available). */
    void left(Membership member) {
        // only pools in agent id order keep members who are not available
    }

    static AgentPool create(QueueState queue, int step, RandomGenerator random) {
        switch (queue.rules.selection()) {
            case LONGEST_IDLE:
            case FEWEST_CALLS:
            case LEAST_TALK_TIME:
            case BEST_PROFICIENCY:
                return new HeapPool(queue.rules.selection(), step);
            case ROUND_ROBIN:
                return new RoundRobinPool(queue, step);
            case WEIGHTED_RANDOM:
                return new WeightedPool(step, random);
            default:
                throw new IllegalStateException("no pool for " + queue.rules.selection());
        }
    }
}

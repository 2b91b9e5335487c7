package org.opencti.acd.routing;

import java.util.Arrays;

/** One queue an agent serves, with what was worked out at login about which of its steps they qualify for. */
final class Membership {
    final QueueState queue;
    final int priority;
    /** Bit {@code s} set: the agent meets step {@code s}. */
    final int stepMask;
    /** Per step: the proficiency sum of the best alternative the agent meets (-1 if none). */
    final int[] proficiency;
    /** Per step: the agent's position inside that step's pool (heap index or id-order slot); -1 when none. */
    final int[] slot;
    /** The pools of the steps the agent meets, so joining and leaving them follows no other pointers. */
    final AgentPool[] pools;
    AgentNode agent;

    Membership(QueueState queue, int priority, int[] proficiency) {
        this.queue = queue;
        this.priority = priority;
        this.proficiency = proficiency;
        int mask = 0;
        int eligible = 0;
        for (int s = 0; s < proficiency.length; s++) {
            if (proficiency[s] >= 0) {
                mask |= 1 << s;
                eligible++;
            }
        }
        this.stepMask = mask;
        this.pools = new AgentPool[eligible];
        for (int s = 0, i = 0; s < proficiency.length; s++) {
            if (proficiency[s] >= 0) {
                pools[i++] = queue.pools.get(s);
            }
        }
        this.slot = new int[proficiency.length];
        Arrays.fill(slot, -1);
    }

    boolean eligibleAt(int step) {
        return (stepMask & (1 << step)) != 0;
    }
}

package org.opencti.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * One queue's indexes: per requirement step, the available agents who meet it (ordered for the queue's selection)
 * and the waiting calls the pool may take at that step (ordered by score); plus every waiting call by score, for the
 * queries.
 */
final class QueueState {
    final QueueRules rules;
    final String name;
    final int steps;
    final long rate;
    final List<AgentPool> pools;
    final List<TreeSet<CallNode>> poolCalls;
    final TreeSet<CallNode> calls = new TreeSet<>(CallNode.IN_QUEUE);
    private final Duration[] after;
    int members;
    /** Round-robin memory: the last agent this queue picked (compared by id, so they may have logged out since). */
    AgentNode lastPicked;

    QueueState(QueueRules rules, RandomGenerator random) {
        this.rules = rules;
        this.name = rules.name();
        this.steps = rules.steps().size();
        this.rate = rules.weights().microsPerMilli();
        this.after = new Duration[steps];
        this.pools = new ArrayList<>(steps);
        this.poolCalls = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            after[s] = rules.steps().get(s).after();
            pools.add(AgentPool.create(this, s, random));
            poolCalls.add(new TreeSet<>(CallNode.IN_QUEUE));
        }
    }

    /** The last step whose start the call has reached at {@code now}. */
    int stepAt(Instant enteredAt, Instant now) {
        int s = 0;
        while (s + 1 < steps && !now.isBefore(enteredAt.plus(after[s + 1]))) {
            s++;
        }
        return s;
    }

    /** When a call that entered at {@code enteredAt} reaches {@code step}; null past the last step. */
    Instant stepStart(Instant enteredAt, int step) {
        return step < steps ? enteredAt.plus(after[step]) : null;
    }

    /** When the call's owner-first window ends, or null if it has none. */
    Instant windowEnd(CallNode call) {
        return rules.ownerFirstFor() == null || call.ownerId() == null ? null : call.enteredAt.plus(rules.ownerFirstFor());
    }

    int[] proficiency(Map<String, Integer> skills) {
        int[] p = new int[steps];
        for (int s = 0; s < steps; s++) {
            p[s] = rules.steps().get(s).proficiency(skills);
        }
        return p;
    }
}

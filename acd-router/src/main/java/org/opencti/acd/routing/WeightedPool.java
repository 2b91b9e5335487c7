package org.opencti.acd.routing;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Weighted random: the members of one queue step in agent id order, with a Fenwick tree over the weights of those who
 * are available, so a draw is one random number and a descent of the tree. A drawn agent the filter refuses is set
 * aside and the draw repeated; that keeps the pick proportional to weight among the acceptable agents.
 *
 * <p>Slots follow agent id order so that a draw does not depend on login order.
 */
final class WeightedPool extends AgentPool {
    private final int step;
    private final RandomGenerator random;
    private final MemberIndex index;
    private int[] setAside = new int[4];
    private AgentNode[] bySlot = new AgentNode[0];
    private long[] weight = new long[0];
    private long[] tree = new long[1];
    private long total;
    private int available;

    WeightedPool(int step, RandomGenerator random) {
        this.step = step;
        this.random = random;
        this.index = new MemberIndex(step);
    }

    @Override
    void joined(Membership m) {
        index.joined(m);
    }

    @Override
    void left(Membership m) {
        index.left(m);
    }

    @Override
    void add(Membership m) {
        fresh();
        available++;
        set(m.slot[step], m.agent.weightUnits);
    }

    @Override
    void remove(Membership m) {
        fresh();
        available--;
        set(m.slot[step], 0);
    }

    @Override
    int size() {
        return available;
    }

    @Override
    AgentNode select(CallNode call, CandidateFilter filter) {
        fresh();
        if (!anyAccepted(call, filter)) {
            return null;
        }
        AgentNode pick = null;
        int asides = 0;
        while (pick == null) {
            int s = find(random.nextLong(total));
            if (filter.accepts(bySlot[s], call)) {
                pick = bySlot[s];
            } else {
                if (asides == setAside.length) {
                    setAside = Arrays.copyOf(setAside, asides * 2);
                }
                setAside[asides++] = s;
                set(s, 0);
            }
        }
        for (int i = 0; i < asides; i++) {
            set(setAside[i], bySlot[setAside[i]].weightUnits);
        }
        return pick;
    }

    /** Walks the available agents in id order without drawing, so a call nobody can take costs no random numbers. */
    private boolean anyAccepted(CallNode call, CandidateFilter filter) {
        long seen = 0;
        while (seen < total) {
            int s = find(seen);
            if (filter.accepts(bySlot[s], call)) {
                return true;
            }
            seen += weight[s];
        }
        return false;
    }

    /** The first slot whose running sum of weights exceeds {@code r}. */
    private int find(long r) {
        int n = bySlot.length;
        int pos = 0;
        long rest = r;
        for (int bit = Integer.highestOneBit(n); bit > 0; bit >>= 1) {
            int next = pos + bit;
            if (next <= n && tree[next] <= rest) {
                pos = next;
                rest -= tree[next];
            }
        }
        return pos;
    }

    private void set(int slot, long w) {
        long delta = w - weight[slot];
        if (delta == 0) {
            return;
        }
        weight[slot] = w;
        total += delta;
        for (int j = slot + 1; j < tree.length; j += j & -j) {
            tree[j] += delta;
        }
    }

    /** After logins or logouts: the new id order, the agents' availability flags saying who is in the pool. */
    private void fresh() {
        if (!index.refresh()) {
            return;
        }
        int n = index.bySlot.length;
        bySlot = new AgentNode[n];
        weight = new long[n];
        tree = new long[n + 1];
        total = 0;
        for (int i = 0; i < n; i++) {
            AgentNode a = index.bySlot[i].agent;
            bySlot[i] = a;
            weight[i] = a.available ? a.weightUnits : 0;
            total += weight[i];
            tree[i + 1] += weight[i];
            int parent = i + 1 + ((i + 1) & -(i + 1));
            if (parent <= n) {
                tree[parent] += tree[i + 1];
            }
        }
    }
}

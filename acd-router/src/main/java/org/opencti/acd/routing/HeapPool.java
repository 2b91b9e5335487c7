package org.opencti.acd.routing;

import java.util.Arrays;

/**
 * Longest idle, fewest calls, least talk time, best proficiency: a binary min-heap of the available agents by
 * (primary key, idle since, agent id). The keys are copied into primitive arrays when the agent joins, so sifting reads
 * no agent objects; they cannot go stale because an agent leaves every pool before anything in its key changes. A
 * newly available agent is usually the most recently idle and stays at the bottom, so joining is mostly O(1).
 */
final class HeapPool extends AgentPool {
    private final AgentSelection selection;
    private final int step;
    private Membership[] members = new Membership[8];
    /** Entry {@code i}'s primary key at {@code 2i} and idle instant at {@code 2i + 1}: one cache line for both. */
    private long[] keys = new long[16];
    private int size;
    /** Indexes still to look at when the best agent is refused: a small heap of its own, reused. */
    private int[] frontier = new int[16];

    HeapPool(AgentSelection selection, int step) {
        this.selection = selection;
        this.step = step;
    }

    @Override
    void add(Membership m) {
        if (size == members.length) {
            members = Arrays.copyOf(members, size * 2);
            keys = Arrays.copyOf(keys, size * 4);
        }
        int i = size++;
        put(i, m, primaryKey(m), m.agent.idleNanos);
        siftUp(i);
    }

    @Override
    void remove(Membership m) {
        int i = m.slot[step];
        m.slot[step] = -1;
        int last = --size;
        if (i != last) {
            put(i, members[last], keys[2 * last], keys[2 * last + 1]);
            if (!siftUp(i)) {
                siftDown(i);
            }
        }
        members[last] = null;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    AgentNode select(CallNode call, CandidateFilter filter) {
        if (size == 0) {
            return null;
        }
        if (filter.accepts(members[0].agent, call)) {
            return members[0].agent;
        }
        // Rare (a missed offer, or an agent held back for a better queue): walk the heap best-first.
        if (frontier.length < size) {
            frontier = new int[Integer.highestOneBit(size) * 2];
        }
        int pending = 0;
        pending = push(pending, 1);
        pending = push(pending, 2);
        while (pending > 0) {
            int i = frontier[0];
            pending = pop(pending);
            if (filter.accepts(members[i].agent, call)) {
                return members[i].agent;
            }
            pending = push(pending, 2 * i + 1);
            pending = push(pending, 2 * i + 2);
        }
        return null;
    }

    private long primaryKey(Membership m) {
        switch (selection) {
            case FEWEST_CALLS:
                return m.agent.tally.calls;
            case LEAST_TALK_TIME:
                return m.agent.tally.talkNanos;
            case BEST_PROFICIENCY:
                return -m.proficiency[step];
            default:
                return 0; // longest idle: the idle instant alone
        }
    }

    private boolean less(int i, int j) {
        long pi = keys[2 * i];
        long pj = keys[2 * j];
        if (pi != pj) {
            return pi < pj;
        }
        long ti = keys[2 * i + 1];
        long tj = keys[2 * j + 1];
        if (ti != tj) {
            return ti < tj;
        }
        return members[i].agent.id.compareTo(members[j].agent.id) < 0;
    }

    private void put(int i, Membership m, long p, long t) {
        members[i] = m;
        keys[2 * i] = p;
        keys[2 * i + 1] = t;
        m.slot[step] = i;
    }

    private boolean siftUp(int start) {
        int i = start;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
        return i != start;
    }

    private void siftDown(int start) {
        int i = start;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && less(child + 1, child)) {
                child++;
            }
            if (!less(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int i, int j) {
        Membership m = members[i];
        long p = keys[2 * i];
        long t = keys[2 * i + 1];
        put(i, members[j], keys[2 * j], keys[2 * j + 1]);
        put(j, m, p, t);
    }

    private int push(int n, int index) {
        if (index >= size) {
            return n;
        }
        int i = n;
        frontier[i] = index;
        while (i > 0 && less(frontier[i], frontier[(i - 1) >>> 1])) {
            int parent = (i - 1) >>> 1;
            int x = frontier[i];
            frontier[i] = frontier[parent];
            frontier[parent] = x;
            i = parent;
        }
        return n + 1;
    }

    private int pop(int n) {
        int last = n - 1;
        frontier[0] = frontier[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                return last;
            }
            if (child + 1 < last && less(frontier[child + 1], frontier[child])) {
                child++;
            }
            if (!less(frontier[child], frontier[i])) {
                return last;
            }
            int x = frontier[i];
            frontier[i] = frontier[child];
            frontier[child] = x;
            i = child;
        }
    }
}

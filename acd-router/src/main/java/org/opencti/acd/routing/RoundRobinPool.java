package org.opencti.acd.routing;

import java.util.BitSet;

/**
 * Round robin with memory: the first acceptable agent after the queue's last pick in agent id order, wrapping. The
 * memory is the queue's, shared by its steps, so widening a call's requirements does not restart the rotation. The
 * members sit in id order with a bit per available one, so finding the next is a scan of machine words.
 */
final class RoundRobinPool extends AgentPool {
    private final QueueState queue;
    private final int step;
    private final MemberIndex index;
    private final BitSet free = new BitSet();
    private int available;

    RoundRobinPool(QueueState queue, int step) {
        this.queue = queue;
        this.step = step;
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
        free.set(m.slot[step]);
        available++;
    }

    @Override
    void remove(Membership m) {
        fresh();
        free.clear(m.slot[step]);
        available--;
    }

    @Override
    int size() {
        return available;
    }

    @Override
    AgentNode select(CallNode call, CandidateFilter filter) {
        fresh();
        if (available == 0) {
            return null;
        }
        int start = startAfter(queue.lastPicked);
        AgentNode pick = first(start, index.bySlot.length, call, filter);
        if (pick == null) {
            pick = first(0, start, call, filter);
        }
        if (pick != null) {
            queue.lastPicked = pick;
        }
        return pick;
    }

    private int startAfter(AgentNode last) {
        if (last == null) {
            return 0;
        }
        Membership m = last.membership(queue);
        int s = m == null ? -1 : m.slot[step];
        // the last pick may have logged out or not meet this step: then find its place by id
        return s >= 0 && index.bySlot[s] == m ? s + 1 : index.after(last.id);
    }

    private AgentNode first(int from, int to, CallNode call, CandidateFilter filter) {
        for (int i = free.nextSetBit(from); i >= 0 && i < to; i = free.nextSetBit(i + 1)) {
            AgentNode a = index.bySlot[i].agent;
            if (filter.accepts(a, call)) {
                return a;
            }
        }
        return null;
    }

    private void fresh() {
        if (index.refresh()) {
            free.clear();
            for (int i = 0; i < index.bySlot.length; i++) {
                if (index.bySlot[i].agent.available) {
                    free.set(i);
                }
            }
        }
    }
}

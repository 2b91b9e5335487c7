package org.opencti.acd.routing;

import java.util.ArrayList;
import java.util.Comparator;

/**
 * The members of one queue step in agent id order, for the selections that walk agents by id. Logins and logouts
 * only mark the order stale; it is rebuilt at the pool's next use, so logging in a whole floor sorts once.
 */
final class MemberIndex {
    private static final Comparator<Membership> BY_AGENT_ID = (x, y) -> x.agent.id.compareTo(y.agent.id);

    private final int step;
    private final ArrayList<Membership> members = new ArrayList<>();
    private boolean stale;
    Membership[] bySlot = new Membership[0];

    MemberIndex(int step) {
        this.step = step;
    }

    void joined(Membership m) {
        members.add(m);
        stale = true;
    }

    void left(Membership m) {
        members.remove(m);
        m.slot[step] = -1;
        stale = true;
    }

    /** Re-sorts if needed; true when slots changed and whatever the pool keeps by slot must be rebuilt. */
    boolean refresh() {
        if (!stale) {
            return false;
        }
        members.sort(BY_AGENT_ID);
        bySlot = members.toArray(new Membership[0]);
        for (int i = 0; i < bySlot.length; i++) {
            bySlot[i].slot[step] = i;
        }
        stale = false;
        return true;
    }

    /** The first slot whose agent id sorts after {@code id}. */
    int after(String id) {
        int lo = 0;
        int hi = bySlot.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bySlot[mid].agent.id.compareTo(id) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

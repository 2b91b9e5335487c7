package org.opencti.acd.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/** A logged-in agent's routing state. Fields that order pools change only while the agent is out of every pool. */
final class AgentNode {
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    final String id;
    final long weightUnits;
    /** Skill name to level, for the skills a caller asks for beyond the queue (see {@link CallSkills}). */
    final Map<String, Integer> skills;
    final Membership[] memberships;
    final DayTally tally;
    boolean loggedIn = true;
    boolean available;
    /** {@code idleSince} in nanoseconds since the epoch (clamped outside the years 1678-2262), compared often. */
    long idleNanos;
    /** Set when the agent became available since the last route, so the next route looks at their queues. */
    boolean dirty;
    /** Calls in an open owner-first window that only this agent may take; null until the first. */
    ArrayList<CallNode> held;

    AgentNode(String id, long weightUnits, Map<String, Integer> skills, Membership[] memberships, DayTally tally) {
        this.id = id;
        this.weightUnits = weightUnits;
        this.skills = skills;
        this.memberships = memberships;
        this.tally = tally;
        for (Membership m : memberships) {
            m.agent = this;
        }
    }

    Membership membership(QueueState queue) {
        for (Membership m : memberships) {
            if (m.queue == queue) {
                return m;
            }
        }
        return null;
    }

    void idleSince(Instant t) {
        long s = t.getEpochSecond();
        idleNanos = s > MAX_SECONDS ? Long.MAX_VALUE : s < -MAX_SECONDS ? Long.MIN_VALUE : s * 1_000_000_000L + t.getNano();
    }

    /** Joins the pool of every step of every queue the agent qualifies for; they were not available before. */
    void enterPools() {
        for (Membership m : memberships) {
            for (AgentPool pool : m.pools) {
                pool.add(m);
            }
        }
        available = true;
    }

    void leavePools() {
        for (Membership m : memberships) {
            for (AgentPool pool : m.pools) {
                pool.remove(m);
            }
        }
        available = false;
    }

    void hold(CallNode call) {
        if (held == null) {
            held = new ArrayList<>(2);
        }
        held.add(call);
    }
}

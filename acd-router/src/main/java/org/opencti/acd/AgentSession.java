package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;

/** An agent's live state as the ACD owns it. Mutable, owned by the ACD's single writer. */
final class AgentSession {
    /** States in which the agent is working a call (they count towards occupancy). */
    static final Set<AgentState> BUSY = EnumSet.of(AgentState.RESERVED, AgentState.RINGING, AgentState.ON_CALL, AgentState.ON_HOLD,
        AgentState.WRAP_UP);

    /** Replaced (with other queue priorities) only when a supervisor moves the agent between queues ({@link AgentRoster}). */
    AgentProfile profile;
    /** The phone the configuration gives the agent; {@link #profile} rings a desk extension instead while they sit at one. */
    final String ownPhone;
    /** The desk extension the agent logged in at; null: their own phone. */
    String extension;
    /** The queues this agent serves, with their priority; empty when they qualify for none. Replaced with {@link #profile}. */
    List<String> queues;
    AgentState state = AgentState.LOGGED_OUT;
    String reason;
    Instant since;
    String callId;
    /** Bumped on every change so a stale timer (wrap-up) can tell it is stale. */
    long epoch;
    /** The call whose after-call work this is, its queue, when it started and when it ends. */
    String wrapCallId;
    String wrapQueue;
    Instant wrapStarted;
    Instant wrapEnds;
    Instant loggedInAt;
    /** Time on calls and after-call work since login, up to the start of the current busy stretch. */
    Duration busyToday = Duration.ZERO;
    /** Start of the current stretch of busy states (reserved through wrap-up); null while not busy. */
    Instant busySince;
    /** The work this agent is booked for in the shared store ({@link FloorRole}), or null; freed when they are idle again. */
    String booking;

    AgentSession(AgentProfile profile, List<String> queues, Instant now) {
        this.profile = profile;
        this.ownPhone = profile.phone();
        this.queues = List.copyOf(queues);
        this.since = now;
    }

    /** The agent leaves their desk extension (logged out): the next login starts from their own phone. */
    void leaveDesk() {
        extension = null;
        profile = profile.withPhone(ownPhone);
    }

    AgentStatus status() {
        return new AgentStatus(profile.id(), state, reason, since, callId);
    }

    /** Share of logged-in time spent on calls and after-call work, in percent; 0 before any time has passed. */
    double occupancyPercent(Instant now) {
        if (loggedInAt == null) {
            return 0;
        }
        Duration busy = busySince != null ? busyToday.plus(Duration.between(busySince, now)) : busyToday;
        long loggedIn = Duration.between(loggedInAt, now).toMillis();
        return loggedIn <= 0 ? 0 : 100.0 * busy.toMillis() / loggedIn;
    }
}

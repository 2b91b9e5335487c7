package org.opencti.acd;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.opencti.core.agent.AgentState;

/**
 * One agent on a supervisor's roster: who they are, their state since when (and why, when not ready), the call they
 * are working, the queues they serve with their priority in each (1 = highest), and the desk extension they logged in at
 * (null: their own phone).
 */
public record RosterEntry(String agentId, String name, String team, AgentState state, String reason, Instant since, String callId,
                          Map<String, Integer> queues, String extension) {
    public RosterEntry {
        // Sorted by queue name so the wire form and the page's column are stable.
        queues = Collections.unmodifiableMap(new TreeMap<>(queues));
    }

    /** An agent at their own phone (no desk extension). */
    public RosterEntry(String agentId, String name, String team, AgentState state, String reason, Instant since, String callId,
                       Map<String, Integer> queues) {
        this(agentId, name, team, state, reason, since, callId, queues, null);
    }
}

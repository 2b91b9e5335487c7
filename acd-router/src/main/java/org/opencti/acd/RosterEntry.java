package org.opencti.acd;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.opencti.core.agent.AgentState;

/**
 * One agent on a supervisor's roster: who they are, their state since when (and why, when not ready), the call they
 * are working, and the queues they serve with their priority in each (1 = highest).
 */
public record RosterEntry(String agentId, String name, String team, AgentState state, String reason, Instant since, String callId,
                          Map<String, Integer> queues) {
    public RosterEntry {
        // Sorted by queue name so the wire form and the page's column are stable.
        queues = Collections.unmodifiableMap(new TreeMap<>(queues));
    }
}

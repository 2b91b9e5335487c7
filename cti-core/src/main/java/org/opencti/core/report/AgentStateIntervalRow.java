package org.opencti.core.report;

import java.time.Instant;

/**
 * Time one agent spent in one state (and reason: the not-ready reason, else null) within one bin, from the agents'
 * state history: each change lasts until the agent's next one, clipped to the bin. Logged-out time is not counted.
 * {@code state} is the ACD's name (READY, NOT_READY, RESERVED, RINGING, ON_CALL, ON_HOLD, WRAP_UP).
 */
public record AgentStateIntervalRow(Instant bin, String agentId, String state, String reason, long seconds) {
    /** The time in minutes, as the report shows it. */
    public double minutes() {
        return seconds / 60.0;
    }
}

package org.opencti.acd.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One queue at {@code at}: calls waiting now and the longest wait among them (measured from when each call first
 * entered any queue), figures for the rolling window and for today, agents who serve the queue by state, and the
 * same per tier (every tier seen in this queue or named in the policy).
 */
public record QueueSnapshot(String queue, Instant at, int callsWaiting, Duration longestWait, Figures window, Figures today,
                            Map<String, Integer> agentsByState, Map<String, TierSnapshot> tiers) {
    public QueueSnapshot {
        // Sorted, so a wallboard or a log line lists states and tiers the same way every time.
        agentsByState = Collections.unmodifiableMap(new TreeMap<>(agentsByState));
        tiers = Collections.unmodifiableMap(new TreeMap<>(tiers));
    }
}

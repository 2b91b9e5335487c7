package org.opencti.core.report;

/**
 * Time one agent spent in one state over the range: {@code talk}, {@code hold}, {@code wrap-up}, {@code idle}
 * (logged in, not paused, not on a call), and {@code paused} followed by the pause reason ({@code paused:lunch};
 * {@code paused} alone when none was given).
 */
public record AgentStateRow(String agentId, String state, long seconds) {
}

package org.opencti.acd;

/** The router's decision: offer this call to this agent. */
public record Assignment(String callId, String queue, String agentId) {
}

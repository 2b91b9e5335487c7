package org.opencti.acd.routing;

/**
 * One match made by {@link RoutingEngine#route}: the call has left its queue and the agent is no longer available.
 *
 * @param step index of the requirement step the call had reached when it was matched
 */
public record Decision(String callId, String agentId, String queue, int step) {
}

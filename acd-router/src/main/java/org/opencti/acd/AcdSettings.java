package org.opencti.acd;

import java.time.Duration;

/**
 * The dialplan names the ACD relies on (see asterisk/extensions_cti.conf) and its fallbacks.
 *
 * @param holdContext    context where callers wait for the CTI (music on hold)
 * @param agentLegContext context the originated agent leg waits in until it is bridged
 * @param queueVariable  channel variable that names the caller's queue (set by the IVR or the dialplan)
 * @param defaultQueue   queue for a caller whose variable is missing or names no queue
 */
public record AcdSettings(String holdContext, String agentLegContext, String queueVariable, String defaultQueue,
                          Duration defaultWrapUp) {
    public static AcdSettings standard(String defaultQueue) {
        return new AcdSettings("cti-hold", "agent-leg", "CTI_QUEUE", defaultQueue, Duration.ofSeconds(10));
    }
}

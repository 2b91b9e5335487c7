package org.opencti.acd;

/**
 * The dialplan contexts and channel variables the ACD relies on (see asterisk/extensions_cti.conf).
 *
 * @param voicemailContext where an overflowing caller is sent to leave a message (exten = mailbox)
 * @param callbackContext  where a caller who accepts a callback is sent (the dialplan confirms and hangs up)
 * @param outboundContext  callbacks dial the customer as {@code Local/<number>@outboundContext} (the dialplan
 *                         sends it out through the trunk)
 * @param customerLegContext where the dialed customer waits, once answered, to be bridged with the agent
 * @param announceContext  where a waiting caller is taken to hear their position (CTI_POSITION) and back
 * @param onHoldContext    where the agent's customer waits, with music, while the agent has them on hold
 * @param consultContext   where the agent's leg waits during an attended transfer (it stays up when the consulted party
 *                         hangs up, unlike the agent-leg context, whose next step after a bridge is Hangup)
 */
public record AcdSettings(String holdContext, String agentLegContext, String queueVariable, String defaultQueue,
                          String voicemailContext, String callbackContext, String outboundContext, String customerLegContext,
                          String announceContext, String onHoldContext, String consultContext,
                          String conferenceContext) {
    public static AcdSettings standard(String defaultQueue) {
        return new AcdSettings("cti-hold", "agent-leg", "CTI_QUEUE", defaultQueue, "cti-voicemail", "cti-callback", "cti-outbound",
            "cti-customer-leg", "cti-announce", "cti-onhold", "cti-consult",
            "cti-conference");
    }
}

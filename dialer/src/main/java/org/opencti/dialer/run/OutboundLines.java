package org.opencti.dialer.run;

import java.time.Duration;
import java.util.regex.Pattern;
import org.opencti.dialer.pacing.CallOutcome;

/**
 * The PBX side of a running campaign: places calls and acts on them. Every method returns at once (the AMI adapter
 * sends an action and carries on); what becomes of a line comes back later as {@link LineEvent}s, which the adapter
 * hands to {@link CampaignRunner#onLineEvent}. A line is named by the handle the runner puts in the request
 * ({@link DialRequest#line()}), so an event can never arrive for a line the runner does not know yet.
 */
public interface OutboundLines {
    /** Places the call. Failing to place it is reported as a {@link LineEvent.Failed}, not thrown. */
    void dial(DialRequest request);

    /**
     * Bridges a live answer to the agent the runner reserved for it; reported back as {@link LineEvent.AgentConnected} once
     * they are on it, or {@link LineEvent.NotConnected} when they cannot be reached.
     */
    void connect(String line, String agentId);

    /** Plays the campaign's safe-harbour message to a person no agent could take in time, then hangs up. */
    void safeHarbour(String line);

    void hangup(String line);

    /** Waits for the answering machine's beep, leaves the campaign's message, hangs up. */
    void leaveMessage(String line);

    /**
     * One call to place.
     *
     * @param line the handle the runner gives this line; every event about it carries it
     * @param agentId the agent already reserved for this call (preview, progressive, a callback), or null (predictive)
     * @param amd whether to run answering-machine detection after the answer
     * @param safeHarbour the message a dropped person hears (text for the prompt or the name of a sound)
     * @param ringTimeout how long to ring before giving up: at least {@link CallOutcome#MINIMUM_RING}
     */
    record DialRequest(String line, long campaignId, long leadId, String e164, String callerId, boolean amd, String safeHarbour,
                       Duration ringTimeout, String agentId) {
        private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

        public DialRequest {
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("dial request: line must not be blank");
            }
            if (e164 == null || !E164.matcher(e164).matches()) {
                throw new IllegalArgumentException("dial request " + line + ": number must be E.164, not \"" + e164 + "\"");
            }
            if (callerId == null || !E164.matcher(callerId).matches()) {
                throw new IllegalArgumentException("dial request " + line + ": caller ID must be E.164, not \"" + callerId + "\"");
            }
            if (safeHarbour == null || safeHarbour.isBlank()) {
                throw new IllegalArgumentException("dial request " + line + ": safe-harbour message must not be blank");
            }
            if (ringTimeout == null || ringTimeout.compareTo(CallOutcome.MINIMUM_RING) < 0) {
                throw new IllegalArgumentException("dial request " + line + ": ring timeout must be at least "
                    + CallOutcome.MINIMUM_RING.toSeconds() + " s, not " + ringTimeout);
            }
        }
    }
}

package org.opencti.dialer.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opencti.dialer.campaign.Campaign;

/**
 * The agents a running campaign may use, as the inbound side lets it have them. Blending is the adapter's decision:
 * inbound comes first, so {@link #available} lists only the agents of the campaign (its agents or skill) that are
 * logged in and that the inbound queues do not need now. Called on the runner's thread: no method may block.
 */
public interface CampaignAgents {
    /** What an agent is doing, as far as the campaign is concerned. */
    enum Activity {
        /** Waiting for a call. */
        FREE,
        /** In a conversation. */
        TALKING,
        /** In wrap-up after a conversation. */
        WRAPPING,
        /** Held for a call of some campaign (a preview on screen, a line ringing for them): logged in, not free. */
        RESERVED
    }

    /** One agent and since when they have been doing it. */
    record CampaignAgent(String agentId, Activity activity, Instant since) {
        public CampaignAgent {
            if (agentId == null || agentId.isBlank()) {
                throw new IllegalArgumentException("campaign agent: agentId must not be blank");
            }
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(since, "since");
        }
    }

    /** A snapshot of the agents this campaign may work with now; the ones the inbound side needs are not in it. */
    List<CampaignAgent> available(Campaign campaign);

    /**
     * Takes a free agent for one of the campaign's calls (a live answer, a preview, a line dialed for them), at once and
     * for good until {@link #release}: false when the agent was taken meanwhile (by inbound, or another campaign).
     */
    boolean reserve(long campaignId, String agentId);

    /** The campaign is done with the agent (call and disposition over, preview skipped or withdrawn). */
    void release(long campaignId, String agentId);

    /** Tells the agent's desktop. */
    void notify(String agentId, AgentNotice notice);
}

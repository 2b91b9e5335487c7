package org.opencti.dialer.run;

import java.time.Instant;
import java.util.Map;
import org.opencti.dialer.compliance.RefusalReason;

/**
 * A running campaign's figures for supervisors' wallboards, published every second and readable on demand. Counts are
 * this runner's since it started; the abandon rates are over each rule's rolling window (US TSR 30 days, UK Ofcom 24
 * hours); the list figures cover every list of the campaign, whichever node dialed them.
 *
 * @param talkSecondsPerAgentHour seconds of finished conversations per hour of agents logged in to the campaign
 * @param listPenetration leads dialed at least once / leads in the campaign's lists (0 with no leads)
 * @param leadsLeft leads still to dial (new, waiting for a retry, or claimed now)
 * @param refusals dials the rules refused, by reason
 * @param previewSkips previews the agents skipped
 * @param linesInProgress lines dialed (or being claimed) whose calls are not over
 */
public record CampaignStats(long campaignId, String campaign, RunnerState state, Instant at, long dials, long connects, long abandons,
                            long machines, double usAbandonRate, double ukAbandonRate, double talkSecondsPerAgentHour, long leadsInList,
                            long leadsAttempted, long leadsLeft, double listPenetration, Map<RefusalReason, Long> refusals,
                            long previewSkips, int agentsLoggedIn, int agentsFree, int linesInProgress) {
    public CampaignStats {
        refusals = Map.copyOf(refusals);
    }
}

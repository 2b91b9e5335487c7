package org.opencti.desktop.campaign;

import java.time.Instant;

/**
 * One running campaign's live figures, as the supervisor's wallboard shows them: dials, connects (live answers that
 * reached an agent), abandons, the abandon rate in percent over the US rule's 30 days and the UK rule's 24 hours,
 * machines, talk minutes per agent hour, list penetration in percent, leads left, and the agents working it now.
 */
public record CampaignFigures(long campaignId, String name, String mode, String state, Instant at, long dials, long connects,
                              long abandons, double abandonRateUs, double abandonRateUk, long machines,
                              double talkMinutesPerAgentHour, double penetration, long leadsLeft, int agentsWorking) {
    public CampaignFigures {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("campaign figures: name must not be blank");
        }
    }
}

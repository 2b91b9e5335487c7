package org.opencti.core.report;

import java.math.BigDecimal;
import java.time.Instant;

/** How many of a campaign's attempts in one bin got one disposition (code and label), and their values added up. */
public record CampaignDispositionRow(Instant bin, long campaignId, String campaign, String disposition, String label,
                                     long count, BigDecimal value) {
}

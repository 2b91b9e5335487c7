package org.opencti.core.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One campaign's dial attempts that started in one bin: how many, how they ended (a connect is a live answer put
 * through to an agent; an abandoned call was answered but dropped; still dialling: no outcome yet), how many got a
 * disposition and the disposition values added up. {@code connectPercent} is connects over attempts with an outcome,
 * null when none has one.
 */
public record CampaignIntervalRow(Instant bin, long campaignId, String campaign, long attempts, long connects, long abandoned,
                                  long machines, long noAnswer, long busy, long failed, long dialling, Double connectPercent,
                                  long dispositioned, BigDecimal value) {
}

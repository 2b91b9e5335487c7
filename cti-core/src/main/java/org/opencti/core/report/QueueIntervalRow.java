package org.opencti.core.report;

import java.time.Instant;

/**
 * One queue and tier in one bin, counted by the instant the call reached the queue. {@code offered} =
 * answered + abandoned + left (voicemail, callback: the caller left the queue another way). Service level is the
 * share of offered calls answered within the threshold; averages are over answered calls and null when there are
 * none (hold: over answered calls whose hold time was measured). AHT is talk (hold included) plus wrap-up.
 */
public record QueueIntervalRow(Instant bin, String queue, String tier, long offered, long answered, long abandoned,
                               long left, long answeredWithinThreshold, Double serviceLevelPercent, Double asaSeconds,
                               Double ahtSeconds, Double averageHoldSeconds, long transfers) {
}

package org.opencti.acd.stats;

import java.time.Duration;

/**
 * One tier of one queue. {@code targetMet} judges the rolling window: its service level reaches
 * {@code targetPercent}, or nothing was answered or abandoned in it (nothing was missed).
 */
public record TierSnapshot(String tier, Duration target, double targetPercent, int callsWaiting, Duration longestWait,
                           Figures window, Figures today, boolean targetMet) {
}

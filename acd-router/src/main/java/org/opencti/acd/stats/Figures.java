package org.opencti.acd.stats;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Counters and averages over one period (the rolling window or today). Each figure is counted when it happens:
 * offered when the call enters the queue (or overflows into it), answered and abandoned when the wait ends,
 * handled when the agent's wrap-up ends.
 *
 * <ul>
 *   <li>{@code abandoned} leaves out short abandons, counted apart in {@code shortAbandoned};</li>
 *   <li>{@code overflowedOut}: calls that left this queue for another; they count in the other queue instead;</li>
 *   <li>{@code serviceLevelPercent} = answeredWithinTarget ÷ (answered + abandoned) × 100, each call judged by its
 *       tier's target, wait measured from when it first entered any queue; empty when nothing was answered or abandoned;</li>
 *   <li>{@code abandonRatePercent} = abandoned ÷ (answered + abandoned) × 100;</li>
 *   <li>{@code averageSpeedOfAnswer}: mean wait of answered calls; {@code averageTalkTime}: answer to hang-up;
 *       {@code averageHandleTime}: talk plus wrap-up. Averages are whole milliseconds, rounded down, empty without calls.</li>
 * </ul>
 */
public record Figures(int offered, int answered, int answeredWithinTarget, int abandoned, int shortAbandoned, int overflowedOut,
                      int handled, OptionalDouble serviceLevelPercent, OptionalDouble abandonRatePercent,
                      Optional<Duration> averageSpeedOfAnswer, Optional<Duration> averageTalkTime, Optional<Duration> averageHandleTime) {
}

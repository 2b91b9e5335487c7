package org.opencti.dialer.run;

import java.time.Duration;
import java.util.Objects;
import org.opencti.dialer.pacing.AbandonRate;
import org.opencti.dialer.pacing.CallOutcome;
import org.opencti.dialer.pacing.OnlineEstimates;

/**
 * How a node runs its campaigns.
 *
 * @param nodeId this node, in every lead and callback claim
 * @param lease how long a claim lasts: longer than a preview plus a ring, so a live node never loses a lead it is dialing
 * @param recheck when a lead refused for now (calling hours, a cap) or skipped in preview is looked at again
 * @param ringTimeout how long a line rings before it is a no-answer: at least 15 s
 * @param previewTimeout how long an agent has to dial or skip a preview before the lead goes back
 * @param wrapUpLimit how long the campaign holds an agent in wrap-up waiting for a disposition
 * @param leaveMessageOnMachine leave the campaign's message on answering machines (else hang up)
 * @param amdFalsePositiveRate the detector's measured share of machine verdicts that were people (the UK formula's F)
 * @param pacingRule the abandon-rate rule whose window the predictive pacing watches (both are counted and reported)
 * @param priors what the predictive pacing assumes before the campaign has its own figures
 */
public record RunnerSettings(String nodeId, Duration lease, Duration recheck, Duration ringTimeout, Duration previewTimeout,
                             Duration wrapUpLimit, boolean leaveMessageOnMachine, double amdFalsePositiveRate, AbandonRate.Rule pacingRule,
                             OnlineEstimates.Priors priors) {
    public RunnerSettings {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("runner settings: nodeId must not be blank");
        }
        Objects.requireNonNull(pacingRule, "pacingRule");
        Objects.requireNonNull(priors, "priors");
        for (Duration d : new Duration[] {lease, recheck, ringTimeout, previewTimeout, wrapUpLimit}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("runner settings: lease, recheck, ring timeout, preview timeout and wrap-up limit must"
                    + " be positive: " + lease + ", " + recheck + ", " + ringTimeout + ", " + previewTimeout + ", " + wrapUpLimit);
            }
        }
        if (ringTimeout.compareTo(CallOutcome.MINIMUM_RING) < 0) {
            throw new IllegalArgumentException("runner settings: ring timeout must be at least " + CallOutcome.MINIMUM_RING.toSeconds()
                + " s (a no-answer must have rung that long), not " + ringTimeout);
        }
        if (lease.compareTo(previewTimeout.plus(ringTimeout).plusMinutes(1)) < 0) {
            throw new IllegalArgumentException("runner settings: lease " + lease + " must cover a preview (" + previewTimeout
                + "), a ring (" + ringTimeout + ") and a minute for detection, or a live node could lose a lead it is dialing");
        }
        if (!(amdFalsePositiveRate >= 0 && amdFalsePositiveRate < 1)) {
            throw new IllegalArgumentException("runner settings: AMD false-positive rate must be in [0, 1), not " + amdFalsePositiveRate);
        }
    }

    /** 10 min leases, 30 min recheck, 25 s ring, 60 s to decide a preview, 5 min wrap-up, hang up on machines, US rule. */
    public static RunnerSettings defaults(String nodeId) {
        return new RunnerSettings(nodeId, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(25), Duration.ofSeconds(60),
            Duration.ofMinutes(5), false, 0, AbandonRate.Rule.US_TSR, OnlineEstimates.Priors.outboundDefaults());
    }
}

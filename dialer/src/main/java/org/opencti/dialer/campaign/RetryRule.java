package org.opencti.dialer.campaign;

import java.time.Duration;
import java.util.Objects;

/** After this outcome, dial again after {@code delay}, as long as the lead has had fewer than {@code maxAttempts}. */
public record RetryRule(CallOutcome outcome, int maxAttempts, Duration delay) {
    public RetryRule {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(delay, "delay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts for " + outcome.word() + " must be at least 1: " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay for " + outcome.word() + " must not be negative: " + delay);
        }
    }
}

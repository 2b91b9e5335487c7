package org.opencti.dialer.campaign;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * At most {@code maxAttempts} dials to one number (or one customer, over all their numbers) within any {@code period},
 * counted over every campaign: a person called by three campaigns was still called three times.
 */
public record ContactCap(Scope scope, int maxAttempts, Duration period) {
    public ContactCap {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("contact cap maxAttempts must be at least 1: " + maxAttempts);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("contact cap period must be positive: " + period);
        }
    }

    public enum Scope {
        NUMBER, CUSTOMER;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Scope of(String word) {
            return Words.parse(Scope.class, "scope", word);
        }
    }
}

package org.opencti.dialer.sim;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A log-normal duration with the given mean and standard deviation of the duration itself (not of its logarithm):
 * talk, wrap-up and answer times are right-skewed like this.
 */
public record LogNormal(Duration mean, Duration sd) {
    public LogNormal {
        if (mean.isZero() || mean.isNegative() || sd.isNegative()) {
            throw new IllegalArgumentException("log-normal needs mean > 0 and sd >= 0, got " + mean + ", " + sd);
        }
    }

    public static LogNormal seconds(double mean, double sd) {
        return new LogNormal(Duration.ofMillis(Math.round(mean * 1000)), Duration.ofMillis(Math.round(sd * 1000)));
    }

    /** One draw, in seconds. */
    public double sample(RandomGenerator random) {
        double m = mean.toNanos() / 1e9;
        double s = sd.toNanos() / 1e9;
        double sigma2 = Math.log1p(s * s / (m * m));
        double mu = Math.log(m) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
    }
}

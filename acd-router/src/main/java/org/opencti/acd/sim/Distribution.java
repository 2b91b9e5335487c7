package org.opencti.acd.sim;

import java.util.random.RandomGenerator;

/** A random duration in seconds: handle times and patience. */
public sealed interface Distribution {
    /** One draw, in seconds; {@link Double#POSITIVE_INFINITY} for {@link Never}. */
    double sample(RandomGenerator random);

    /** The mean in seconds (infinite for {@link Never}). */
    double mean();

    record Exponential(double mean) implements Distribution {
        public Exponential {
            ErlangC.requirePositive(mean, "mean");
        }

        @Override
        public double sample(RandomGenerator random) {
            return mean * random.nextExponential();
        }
    }

    /**
     * Log-normal with the given mean and standard deviation of the duration itself (not of its logarithm): handle
     * times are skewed to the right like this in real centres.
     */
    record LogNormal(double mean, double sd) implements Distribution {
        public LogNormal {
            ErlangC.requirePositive(mean, "mean");
            ErlangC.requirePositive(sd, "sd");
        }

        @Override
        public double sample(RandomGenerator random) {
            double sigma2 = Math.log1p((sd * sd) / (mean * mean));
            double mu = Math.log(mean) - sigma2 / 2;
            return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
        }
    }

    record Constant(double mean) implements Distribution {
        public Constant {
            if (!(mean >= 0) || Double.isInfinite(mean)) {
                throw new IllegalArgumentException("constant must be a finite number >= 0, got " + mean);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return mean;
        }
    }

    /** Infinite patience: the caller never hangs up while waiting. */
    record Never() implements Distribution {
        @Override
        public double sample(RandomGenerator random) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double mean() {
            return Double.POSITIVE_INFINITY;
        }
    }
}

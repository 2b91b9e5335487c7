package org.opencti.dialer.pacing;

/** The standard normal distribution function, to 1.5e-7 (Abramowitz and Stegun 7.1.26 for erf). */
final class Normal {
    private Normal() {
    }

    static double cdf(double z) {
        if (Double.isInfinite(z)) {
            return z > 0 ? 1 : 0;
        }
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}

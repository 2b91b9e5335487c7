package org.opencti.dialer.pacing;

/**
 * An exponentially weighted mean that starts from a prior: the prior counts as {@code priorWeight} observations, each
 * new one weighs {@code 1 / (n + priorWeight)} until that falls to {@code floor}, after which the mean forgets
 * geometrically (about the last {@code 1 / floor} observations matter). A cold campaign so starts at the prior and moves
 * to its own figures as they come, and a warm one follows drift (a new list, the evening's answer rate).
 */
final class Ewma {
    private final double priorWeight;
    private final double floor;
    private double mean;
    private long n;

    Ewma(double prior, double priorWeight, double floor) {
        if (!(priorWeight > 0) || !(floor > 0 && floor < 1)) {
            throw new IllegalArgumentException("EWMA needs prior weight > 0 and 0 < floor < 1, got " + priorWeight + ", " + floor);
        }
        this.mean = prior;
        this.priorWeight = priorWeight;
        this.floor = floor;
    }

    void add(double x) {
        n++;
        double w = Math.max(floor, 1.0 / (n + priorWeight));
        mean += w * (x - mean);
    }

    double mean() {
        return mean;
    }

    long observations() {
        return n;
    }
}

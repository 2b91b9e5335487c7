package org.opencti.core.survey;

/**
 * Satisfaction of one agent or queue: how many answers, their average (1..5), and the index on 0..100
 * ({@code (average - 1) / 4 x 100}: all 1s is 0, all 5s is 100).
 */
public record Satisfaction(String key, long answers, double averageScore) {
    public double index() {
        return answers == 0 ? 0 : (averageScore - 1) / 4 * 100;
    }
}

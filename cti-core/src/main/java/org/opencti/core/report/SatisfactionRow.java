package org.opencti.core.report;

import java.time.Instant;
import org.opencti.core.survey.Satisfaction;

/**
 * The satisfaction index in one bin (by the instant the answer was given) for one {@code dimension}
 * ({@code agent}, {@code queue} or {@code tier}, the customer segment) and its {@code key}; the index is
 * {@link Satisfaction#index()}.
 */
public record SatisfactionRow(Instant bin, String dimension, String key, long answers, double averageScore) {
    public double index() {
        return new Satisfaction(key, answers, averageScore).index();
    }
}

package org.opencti.core.report;

/**
 * First-contact resolution beside transfers, for one {@code dimension} ({@code queue}, {@code agent} or
 * {@code all}) and its {@code key} ({@code *} for all). Over answered contacts that started in the range:
 * {@code contacts} are those whose customer is known (customer id, else caller number), {@code resolved} those
 * of them with no further contact of the same customer within the window; {@code unidentified} are left out of
 * the rate (no number, nobody to recognise). {@code transferred} counts answered contacts with a transfer in the
 * queue_log, over all answered: a transfer hands the problem on, so it is shown beside the rate it could flatter.
 */
public record FcrRow(String dimension, String key, long answered, long contacts, long resolved, Double fcrPercent,
                     long unidentified, long transferred, Double transferPercent) {
}

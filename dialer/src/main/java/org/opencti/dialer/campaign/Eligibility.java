package org.opencti.dialer.campaign;

/**
 * Which known customers the campaign leaves alone: anyone who ordered within {@code recentOrderDays} (0: rule off),
 * anyone with an open complaint (when {@code skipOpenComplaints}), and, when {@code requireVoiceConsent}, anyone who
 * never said yes to voice contact. An explicit opt-out of voice refuses the dial whatever these say.
 */
public record Eligibility(int recentOrderDays, boolean skipOpenComplaints, boolean requireVoiceConsent) {
    public static final Eligibility DEFAULT = new Eligibility(0, true, false);

    public Eligibility {
        if (recentOrderDays < 0) {
            throw new IllegalArgumentException("eligibility recentOrderDays must not be negative: " + recentOrderDays);
        }
    }
}

package org.opencti.acd;

import java.util.Locale;
import java.util.Optional;
import org.opencti.acd.routing.CallerProfile;
import org.opencti.core.call.ChannelTracker;

/**
 * What the IVR (or the dialplan) told us about the caller through channel variables, merged with the
 * customer record: {@code CTI_TIER}, {@code CTI_VIP}, {@code CTI_CHURN_RISK}, {@code CTI_ACCOUNT_MANAGER},
 * {@code CTI_PRIORITY} (extra points). The IVR's word wins over the record's tier: it may know more (a
 * verified account, an upgrade today).
 */
final class CallerVariables {
    static final String TIER = "CTI_TIER";
    static final String VIP = "CTI_VIP";
    static final String CHURN_RISK = "CTI_CHURN_RISK";
    static final String ACCOUNT_MANAGER = "CTI_ACCOUNT_MANAGER";
    static final String PRIORITY = "CTI_PRIORITY";
    /** Exactly "yes": the dialplan's [cti-hold] compares with the same word to send the caller to the survey. */
    static final String SURVEY = "CTI_SURVEY";
    private static final double MAX_BOOST = 1_000_000;

    private CallerVariables() {
    }

    static CallerProfile profile(ChannelTracker.TrackedChannel ch, String recordTier) {
        String tier = text(ch.variable(TIER)).orElse(recordTier);
        String manager = text(ch.variable(ACCOUNT_MANAGER)).orElse(null);
        return new CallerProfile(tier, flag(ch.variable(VIP)), flag(ch.variable(CHURN_RISK)), manager, boost(ch.variable(PRIORITY)));
    }

    static boolean agreedToSurvey(ChannelTracker.TrackedChannel ch) {
        return ch.variable(SURVEY).map("yes"::equals).orElse(false);
    }

    private static Optional<String> text(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean flag(Optional<String> value) {
        return text(value).map(v -> v.toLowerCase(Locale.ROOT)).map(v -> v.equals("1") || v.equals("yes") || v.equals("true"))
            .orElse(false);
    }

    /** A number the IVR set; anything else (text, NaN, huge) counts as no boost rather than failing the call. */
    private static double boost(Optional<String> value) {
        try {
            double d = Double.parseDouble(text(value).orElse("0"));
            return Double.isFinite(d) ? Math.max(-MAX_BOOST, Math.min(MAX_BOOST, d)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

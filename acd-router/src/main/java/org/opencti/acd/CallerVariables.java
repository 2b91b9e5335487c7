package org.opencti.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencti.acd.routing.CallSkills;
import org.opencti.acd.routing.CallerProfile;
import org.opencti.core.call.ChannelTracker;

/**
 * What the IVR (or the dialplan) told us about the caller through channel variables, merged with the
 * customer record: {@code CTI_TIER}, {@code CTI_VIP}, {@code CTI_CHURN_RISK}, {@code CTI_ACCOUNT_MANAGER},
 * {@code CTI_PRIORITY} (extra points). The IVR's word wins over the record's tier: it may know more (a
 * verified account, an upgrade today). {@code CTI_LANGUAGE} and {@code CTI_SKILLS} ({@code billing} or
 * {@code billing:5,spanish}) are what the caller needs of an agent, see {@link CallSkillPolicy}.
 */
final class CallerVariables {
    static final String TIER = "CTI_TIER";
    static final String VIP = "CTI_VIP";
    static final String CHURN_RISK = "CTI_CHURN_RISK";
    static final String ACCOUNT_MANAGER = "CTI_ACCOUNT_MANAGER";
    static final String PRIORITY = "CTI_PRIORITY";
    /** Exactly "yes": the dialplan's [cti-hold] compares with the same word to send the caller to the survey. */
    static final String SURVEY = "CTI_SURVEY";
    static final String LANGUAGE = "CTI_LANGUAGE";
    static final String SKILLS = "CTI_SKILLS";
    static final String IVR_DATA = "CTI_IVR_DATA";
    /** The menu nodes the caller went through, as the IVR wrote them ("main>billing>refund"). */
    static final String IVR_PATH = "CTI_IVR_PATH";
    private static final int MAX_PATH = 1000;
    /** A screen pop shows what a caller told the IVR, not a dump of a misbehaving dialplan. */
    private static final int MAX_CALL_DATA = 32;
    private static final int MAX_VALUE = 200;
    /** More would be a dialplan gone wrong, not a caller's needs. */
    private static final int MAX_CALL_SKILLS = 8;
    private static final double MAX_BOOST = 1_000_000;

    private CallerVariables() {
    }

    static CallerProfile profile(ChannelTracker.TrackedChannel ch, String recordTier) {
        String tier = text(ch.variable(TIER)).orElse(recordTier);
        String manager = text(ch.variable(ACCOUNT_MANAGER)).orElse(null);
        return new CallerProfile(tier, flag(ch.variable(VIP)), flag(ch.variable(CHURN_RISK)), manager, boost(ch.variable(PRIORITY)));
    }

    /**
     * The skills this caller needs, required until {@code waitingSince + waitFor}. Unknown skills and malformed entries
     * are dropped rather than failing the call: the caller still reaches the queue.
     */
    static CallSkills skills(ChannelTracker.TrackedChannel ch, CallSkillPolicy policy, Instant waitingSince) {
        List<SkillRequirement> out = new ArrayList<>();
        text(ch.variable(LANGUAGE)).map(policy.languages()::get).ifPresent(out::add);
        for (String item : text(ch.variable(SKILLS)).orElse("").split(",")) {
            CallSkillPolicy.requirement(item.trim(), policy.knownSkills()).filter(r -> out.size() < MAX_CALL_SKILLS)
                .filter(r -> out.stream().noneMatch(x -> x.skill().equals(r.skill()))).ifPresent(out::add);
        }
        return out.isEmpty() ? CallSkills.NONE : new CallSkills(out, waitingSince.plus(policy.waitFor()));
    }

    /** The variables the IVR listed in {@code CTI_IVR_DATA}, in its order, bounded in number and length. */
    static Map<String, String> ivrData(ChannelTracker.TrackedChannel ch) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : text(ch.variable(IVR_DATA)).orElse("").split(",")) {
            String key = name.trim();
            if (out.size() >= MAX_CALL_DATA) {
                break;
            }
            if (!key.isEmpty() && !key.equals(IVR_DATA)) {
                ch.variable(key).ifPresent(v -> out.put(key, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v));
            }
        }
        return out;
    }

    /** The IVR path the caller took, bounded as the history keeps it; null when the IVR set none. */
    static String ivrPath(ChannelTracker.TrackedChannel ch) {
        return text(ch.variable(IVR_PATH)).map(p -> p.length() > MAX_PATH ? p.substring(0, MAX_PATH) : p).orElse(null);
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

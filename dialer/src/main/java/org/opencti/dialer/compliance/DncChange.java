package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Locale;

/**
 * One entry of the do-not-call administration trail: a number added to or removed from the internal list (with its
 * source and the reason given), added to a campaign's list, or a national register imported ({@code e164} null,
 * {@code source} the register, {@code numbers} how many it now holds). Who did it and when.
 */
public record DncChange(long id, Action action, String e164, Long campaignId, String source, String reason, Integer numbers,
                        String by, Instant at) {
    public enum Action {
        ADDED, REMOVED, CAMPAIGN_ADDED, NATIONAL_IMPORTED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Action of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}

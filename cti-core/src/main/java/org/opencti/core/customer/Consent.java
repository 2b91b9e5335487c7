package org.opencti.core.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The customer's answer to "may we contact you on this channel?" and when it was given. A channel with no recorded
 * consent counts as not opted in: the dialer and the SMS sender must ask the profile, not assume.
 */
public record Consent(Channel channel, boolean optedIn, Instant updatedAt) {
    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public enum Channel {
        VOICE, SMS, EMAIL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Channel of(String word) {
            return Words.parse(Channel.class, "channel", word);
        }
    }
}

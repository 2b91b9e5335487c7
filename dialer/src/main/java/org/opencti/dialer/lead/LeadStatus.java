package org.opencti.dialer.lead;

import java.util.Locale;
import org.opencti.dialer.campaign.Words;

/** Where a lead is: never dialed, claimed by a node (leased), waiting for its retry, or finished. */
public enum LeadStatus {
    NEW, IN_PROGRESS, RETRY, DONE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LeadStatus of(String word) {
        return Words.parse(LeadStatus.class, "lead status", word);
    }
}

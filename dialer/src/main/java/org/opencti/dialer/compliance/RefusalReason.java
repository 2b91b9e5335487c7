package org.opencti.dialer.compliance;

import java.util.Locale;

/** Why a dial was refused. A temporary reason passes with time (the lead can be tried later); the others do not. */
public enum RefusalReason {
    DNC_INTERNAL(false), DNC_CAMPAIGN(false), DNC_NATIONAL(false),
    OPTED_OUT(false), NO_VOICE_CONSENT(false), OPEN_COMPLAINT(true), RECENTLY_ORDERED(true),
    OUTSIDE_CAMPAIGN_SCHEDULE(true), OUTSIDE_CALLING_HOURS(true),
    RECENTLY_ABANDONED(true), CONTACT_CAP_NUMBER(true), CONTACT_CAP_CUSTOMER(true);

    private final boolean temporary;

    RefusalReason(boolean temporary) {
        this.temporary = temporary;
    }

    public boolean temporary() {
        return temporary;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefusalReason of(String word) {
        return org.opencti.dialer.campaign.Words.parse(RefusalReason.class, "reason", word);
    }
}

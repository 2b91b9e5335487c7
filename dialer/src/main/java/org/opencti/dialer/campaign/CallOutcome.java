package org.opencti.dialer.campaign;

import java.util.Locale;

/** How one dial attempt ended, as far as the network and answering-machine detection tell. */
public enum CallOutcome {
    BUSY, NO_ANSWER, CONGESTION, MACHINE, INVALID_NUMBER,
    /** A person answered and reached an agent. */
    LIVE_ANSWER,
    /** A person answered and no agent was free in time: they heard the safe-harbour message (a drop). */
    ABANDONED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallOutcome of(String word) {
        return Words.parse(CallOutcome.class, "outcome", word);
    }
}

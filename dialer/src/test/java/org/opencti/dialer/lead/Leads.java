package org.opencti.dialer.lead;

import java.time.ZoneId;

/** Leads for tests. */
public final class Leads {
    private Leads() {
    }

    public static NewLead lead(String e164, int priority) {
        return new NewLead(0, e164, "Ann", "Lee", null, priority, null, null, null);
    }

    public static NewLead lead(String e164, ZoneId zone) {
        return new NewLead(0, e164, "Ann", "Lee", zone, 0, null, null, null);
    }
}

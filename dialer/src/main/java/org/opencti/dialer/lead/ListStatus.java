package org.opencti.dialer.lead;

import java.time.Instant;

/**
 * A list's figures: leads loaded, still dialable (new or waiting for a retry), claimed now, finished; and since when
 * it has been running low (null: it is not).
 */
public record ListStatus(long listId, long campaignId, String name, int total, int dialable, int inProgress, int done,
                         Instant lowSince) {
    public boolean low() {
        return lowSince != null;
    }
}

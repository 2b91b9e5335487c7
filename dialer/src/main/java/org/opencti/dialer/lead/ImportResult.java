package org.opencti.dialer.lead;

import java.util.List;

/** What an import did: the list it made, how many leads it loaded, and every row it did not load with the reason. */
public record ImportResult(long listId, int accepted, List<Rejection> rejected) {
    public ImportResult {
        rejected = List.copyOf(rejected);
    }
}

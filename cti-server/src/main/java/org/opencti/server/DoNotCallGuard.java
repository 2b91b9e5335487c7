package org.opencti.server;

import java.util.Locale;
import java.util.Optional;
import org.opencti.acd.DialGuard;
import org.opencti.dialer.compliance.DncLists;

/**
 * The ACD's check before a click-to-dial, over the dialer's do-not-call lists: the internal list (customers who asked,
 * erased customers) and the national registers. A click-to-dial belongs to no campaign, so no campaign's own list
 * applies. Blocking (the lists may be in PostgreSQL): the ACD calls it on its worker.
 */
final class DoNotCallGuard implements DialGuard {
    /** No campaign has this id (they start at 1): only the internal and national lists can match. */
    private static final long NO_CAMPAIGN = 0;

    private final DncLists lists;

    DoNotCallGuard(DncLists lists) {
        this.lists = lists;
    }

    @Override
    public Optional<String> refusal(String e164) {
        return lists.find(NO_CAMPAIGN, e164).map(hit -> "it is on the " + hit.list().name().toLowerCase(Locale.ROOT)
            + " do-not-call list (" + hit.source() + ")");
    }
}

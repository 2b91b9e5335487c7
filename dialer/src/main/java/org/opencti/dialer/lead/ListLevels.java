package org.opencti.dialer.lead;

import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a list is close to running out: once its dialable leads fall to the campaign's threshold, the list is
 * flagged (its status says since when), a warning is logged and the listener told, once per list.
 */
public final class ListLevels {
    private static final Logger LOG = LoggerFactory.getLogger(ListLevels.class);
    private final LeadStore store;
    private final Consumer<ListRunningLow> listener;
    private final Clock clock;

    /** The event: this list has {@code dialable} leads left, at or under {@code threshold}. */
    public record ListRunningLow(long campaignId, long listId, String name, int dialable, int threshold, java.time.Instant at) {
    }

    public ListLevels(LeadStore store, Consumer<ListRunningLow> listener, Clock clock) {
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    /** Checks every list of the campaign (after a claim, say); returns how many were newly flagged. */
    public int check(long campaignId, int threshold) {
        int flagged = 0;
        for (ListStatus list : store.listsOf(campaignId)) {
            if (!list.low() && list.dialable() <= threshold) {
                var event = new ListRunningLow(campaignId, list.listId(), list.name(), list.dialable(), threshold, clock.instant());
                if (store.markLow(list.listId(), event.at())) {
                    flagged++;
                    LOG.warn("campaign {} lead list {} ({}) is running low: {} dialable leads left (threshold {})", campaignId,
                        list.listId(), list.name(), list.dialable(), threshold);
                    listener.accept(event);
                }
            }
        }
        return flagged;
    }
}

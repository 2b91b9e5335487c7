package org.opencti.core.port;

import java.util.List;
import java.util.Optional;
import org.opencti.core.callback.ScheduledCallback;

/**
 * Where agents' scheduled callbacks are kept, so they survive a restart. May block: call from a worker. Changes are
 * optimistic: {@link #update} replaces only the version it was made from, so of two changes made on the same copy (a
 * cancel and the callback falling due, say) exactly one wins.
 */
public interface ScheduledCallbackStore {
    /** Stores a new callback; IllegalStateException when one with its id exists. */
    void add(ScheduledCallback callback);

    /**
     * Replaces the stored callback whose version is {@code callback.version() - 1} with {@code callback}; false (nothing
     * changed) when the stored one is another version or there is none.
     */
    boolean update(ScheduledCallback callback);

    Optional<ScheduledCallback> find(String id);

    /** Pending and active callbacks, earliest due first: what a starting node schedules again. */
    List<ScheduledCallback> open();
}

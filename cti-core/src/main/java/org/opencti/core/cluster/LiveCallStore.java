package org.opencti.core.cluster;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.opencti.core.port.DoneNow;

/**
 * The floor holder's live calls, kept where the next holder finds them (Redis, or the in-memory twin). Written behind the
 * calls in the order they change; every write sets a whole value, so a replay after a reconnect changes nothing more.
 * May block.
 */
public interface LiveCallStore {
    /** Stores the call, replacing what was stored under its id. */
    void put(LiveCall call);

    /** Forgets the call; nothing happens when it is not stored. */
    void remove(String callId);

    /** {@link #put} without waiting; writes handed over from one thread land in that order. By default done now. */
    default CompletionStage<Void> putAsync(LiveCall call) {
        return DoneNow.run(() -> put(call));
    }

    /** {@link #remove} without waiting, in order with {@link #putAsync}. */
    default CompletionStage<Void> removeAsync(String callId) {
        return DoneNow.run(() -> remove(callId));
    }

    /** Every stored call. */
    List<LiveCall> all();
}

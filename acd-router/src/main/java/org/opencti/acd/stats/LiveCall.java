package org.opencti.acd.stats;

import java.time.Instant;

/** What statistics remember about one call until its wrap-up ends (or it is abandoned). */
final class LiveCall {
    enum Stage { WAITING, TALKING, WRAP_UP }

    final String id;
    final String tier;
    /** When the call first entered a queue; overflow keeps it, so service level counts the whole wait. */
    final Instant enteredAt;
    String queue;
    Stage stage = Stage.WAITING;
    Instant answeredAt;
    Instant endedAt;

    LiveCall(String id, String queue, String tier, Instant enteredAt) {
        this.id = id;
        this.queue = queue;
        this.tier = tier;
        this.enteredAt = enteredAt;
    }
}

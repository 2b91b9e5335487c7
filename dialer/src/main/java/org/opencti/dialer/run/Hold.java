package org.opencti.dialer.run;

import java.time.Instant;
import org.opencti.core.time.Scheduler;
import org.opencti.dialer.lead.Lead;

/**
 * An agent a runner has reserved, and what for. From {@link CampaignAgents#reserve} to {@link CampaignAgents#release}
 * the runner, not the floor snapshot, says what the agent is doing. Touched only on the runner's thread.
 */
final class Hold {
    enum Kind {
        /** Reserved; the lead or callback is being claimed (or the attempt logged). */
        PENDING,
        /** A preview on the agent's screen. */
        PREVIEW,
        /** A line ringing for the agent. */
        RINGING,
        /** In conversation. */
        TALKING,
        /** The conversation is over; the disposition is awaited. */
        WRAPPING
    }

    Kind kind = Kind.PENDING;
    Instant since;
    Lead lead;
    Callback callback;
    String line;
    long attemptId;
    Scheduler.Cancellable timer;
    /** The disposition came while still talking: release at the hang-up. */
    boolean disposed;
    /** A disposition is being written. */
    boolean disposing;

    Hold(Instant since) {
        this.since = since;
    }

    void become(Kind next, Instant at) {
        cancelTimer();
        kind = next;
        since = at;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}

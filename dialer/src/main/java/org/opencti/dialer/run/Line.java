package org.opencti.dialer.run;

import java.time.Instant;
import org.opencti.dialer.lead.Lead;

/** One line a runner dialed, from the dial to the end of its call. Touched only on the runner's thread. */
final class Line {
    /** Ringing; answered with AMD still listening; waiting (at most 2 s) for an agent; in conversation. */
    enum Stage { RINGING, DETECTING, WAITING, CONNECTED }

    final String id;
    final Lead lead;
    /** The callback this line dials, or null for a lead of the lists. */
    final Callback callback;
    final long attemptId;
    final Instant dialedAt;
    /** The agent held for this line from the dial (preview, progressive, callbacks), or null (predictive). */
    final String reservedAgent;
    Stage stage = Stage.RINGING;
    String agent;
    Instant connectedAt;
    /** The agent was told of the call ({@link AgentNotice.Connected}): the lines reported them on it. */
    boolean agentTold;

    Line(String id, Lead lead, Callback callback, long attemptId, Instant dialedAt, String reservedAgent) {
        this.id = id;
        this.lead = lead;
        this.callback = callback;
        this.attemptId = attemptId;
        this.dialedAt = dialedAt;
        this.reservedAgent = reservedAgent;
    }

    /** Not answered yet by anything, or answered and still being listened to by AMD. */
    boolean beforeAnswer() {
        return stage == Stage.RINGING || stage == Stage.DETECTING;
    }
}

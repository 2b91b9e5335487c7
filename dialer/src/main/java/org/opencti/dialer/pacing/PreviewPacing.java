package org.opencti.dialer.pacing;

/**
 * Preview: the agent reads the record and then dials it or skips it; the dialer never places a call by itself, so
 * a preview campaign cannot abandon a call (the agent is on the line before it rings).
 */
public final class PreviewPacing implements Pacing {
    @Override
    public DialMode mode() {
        return DialMode.PREVIEW;
    }

    @Override
    public int linesToDial(FloorState floor) {
        return 0;
    }

    /** What an agent decided about the record on their screen. */
    public enum Decision { DIAL, SKIP }

    /** Lines to dial for an agent's decision: one for a dial, none for a skip. */
    public int agentDecided(Decision decision) {
        return decision == Decision.DIAL ? 1 : 0;
    }
}

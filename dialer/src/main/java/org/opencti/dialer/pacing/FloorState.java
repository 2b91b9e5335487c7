package org.opencti.dialer.pacing;

import java.time.Duration;
import java.util.List;

/**
 * The campaign's agents and lines at the moment of a pacing decision.
 *
 * @param loggedIn agents logged in to the campaign (free, talking, wrapping or previewing)
 * @param free agents waiting for a call now, not reserved for a preview
 * @param talking for each agent in a conversation, how long it has lasted
 * @param wrapping for each agent in wrap-up, how long it has lasted
 * @param lines for each dial placed whose outcome is not known yet, how long ago it was placed
 * @param liveWaiting answered calls waiting (at most 2 s) for an agent
 */
public record FloorState(int loggedIn, int free, List<Duration> talking, List<Duration> wrapping, List<Duration> lines,
                         int liveWaiting) {
    public FloorState {
        if (loggedIn < 0 || free < 0 || liveWaiting < 0) {
            throw new IllegalArgumentException("floor counts must be >= 0: " + loggedIn + " logged in, " + free + " free, "
                + liveWaiting + " waiting");
        }
        talking = List.copyOf(talking);
        wrapping = List.copyOf(wrapping);
        lines = List.copyOf(lines);
        if (free + talking.size() + wrapping.size() > loggedIn) {
            throw new IllegalArgumentException("free " + free + " + talking " + talking.size() + " + wrapping " + wrapping.size()
                + " agents exceed the " + loggedIn + " logged in");
        }
    }

    /** Dials in progress. */
    public int linesInProgress() {
        return lines.size();
    }

    /** No agent logged in, nothing in progress. */
    public static FloorState empty() {
        return new FloorState(0, 0, List.of(), List.of(), List.of(), 0);
    }
}

package org.opencti.dialer.pacing;

/**
 * Progressive: one line per free agent. A line is dialed only for an agent already waiting, so every live answer has
 * an agent (short of an agent logging out mid-ring), at the price of the agent waiting through every busy, no-answer
 * and machine before reaching a person.
 */
public final class ProgressivePacing implements Pacing {
    @Override
    public DialMode mode() {
        return DialMode.PROGRESSIVE;
    }

    @Override
    public int linesToDial(FloorState floor) {
        if (floor.loggedIn() == 0) {
            return 0;
        }
        return Math.max(0, floor.free() - floor.linesInProgress() - floor.liveWaiting());
    }
}

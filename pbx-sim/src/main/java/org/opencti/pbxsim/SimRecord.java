package org.opencti.pbxsim;

import java.time.Instant;

/**
 * One line of the simulator's observation log ({@link PbxSimulator#history()}).
 *
 * @param subject what it is about: a channel name, or the extension for {@code AGENT_*} records
 * @param detail  free text (a cause, a destination, digits...)
 */
public record SimRecord(Instant at, Kind kind, String subject, String detail) {

    /** What happened. */
    public enum Kind {
        CALL_PLACED,
        AGI_STARTED,
        AGI_FAILED,
        AGI_ENDED,
        KEYPAD,
        ENTERED_HOLD,
        ORIGINATED,
        ORIGINATE_FAILED,
        AGENT_RINGING,
        AGENT_ANSWERED,
        AGENT_BUSY,
        AGENT_NO_ANSWER,
        /** A customer dialled out through the trunk answered: subject the number, detail who (PERSON, MACHINE, UNCLEAR). */
        CUSTOMER_ANSWERED,
        /** A customer hung up on their own: subject the number, detail why. */
        CUSTOMER_HUNG_UP,
        BRIDGED,
        UNBRIDGED,
        REDIRECTED,
        HUNG_UP,
        CALLER_GAVE_UP,
        /** ChanSpy attached: subject the supervisor's channel, detail {@code <spied-on channel>,<options>}. */
        SPY_STARTED,
        /** ChanSpy detached: subject the supervisor's channel, detail the spied-on channel. */
        SPY_STOPPED,
        /** ChanSpy found no channel of that name (yet): subject the supervisor's channel, detail the target. */
        SPY_WAITING,
        /** MixMonitor ran (nothing is recorded): subject the channel, detail the file name it was given. */
        RECORDING_STARTED,
        AMI_DROPPED,
        RESTARTED
    }
}

package org.opencti.dialer.pacing;

import java.time.Duration;

/**
 * How one dial ended, as the pacing learns from it. Answering-machine detection (AMD) gives {@link #AMD_HUMAN},
 * {@link #AMD_MACHINE} or {@link #AMD_NOT_SURE}; with AMD off an answered call is {@link #LIVE_ANSWER}.
 */
public enum CallOutcome {
    /** Answered with AMD off: treated as a person and put through to an agent. */
    LIVE_ANSWER,
    /** AMD heard a person. */
    AMD_HUMAN,
    /** AMD heard an answering machine: the dialer hangs up (or leaves a message); no agent is needed. */
    AMD_MACHINE,
    /** AMD could not tell: treated as a person, because hanging up on a person is an abandoned call. */
    AMD_NOT_SURE,
    BUSY,
    /** Rang for the whole ring time (at least {@link #MINIMUM_RING}) and nobody answered. */
    NO_ANSWER,
    /** The network had no capacity (SIP 503, cause 34): says nothing about the number. */
    CONGESTION,
    /** The number does not exist or is not in service. */
    INVALID_NUMBER;

    /**
     * Unanswered calls must ring at least this long before the dialer gives up (Ofcom's persistent-misuse statement;
     * the US TSR safe harbour asks for 15 s or four rings): a shorter ring only makes the phone ring once and stop.
     */
    public static final Duration MINIMUM_RING = Duration.ofSeconds(15);

    /** A call that must reach an agent (or hear the safe-harbour message and count as abandoned). */
    public boolean needsAgent() {
        return this == LIVE_ANSWER || this == AMD_HUMAN || this == AMD_NOT_SURE;
    }

    /** Something picked up the line: a person or a machine. */
    public boolean answered() {
        return needsAgent() || this == AMD_MACHINE;
    }

    /**
     * The outcome of a call nobody answered after ringing {@code rang}: {@link #NO_ANSWER}, or an error when the
     * dialer gave up before {@link #MINIMUM_RING}, because that call broke the ring rule and must not be filed as an
     * ordinary no-answer.
     */
    public static CallOutcome unanswered(Duration rang) {
        if (rang.compareTo(MINIMUM_RING) < 0) {
            throw new IllegalArgumentException("unanswered call rang only " + rang.toMillis() + " ms: a no-answer must ring at least "
                + MINIMUM_RING.toSeconds() + " s");
        }
        return NO_ANSWER;
    }
}

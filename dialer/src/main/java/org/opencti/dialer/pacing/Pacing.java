package org.opencti.dialer.pacing;

import java.time.Clock;
import java.time.Duration;

/**
 * Decides how many lines a campaign dials now, and learns from what its dials became. Called on the campaign's own
 * thread whenever something changed (an agent freed, a dial ended) and on a steady tick; never dials itself.
 */
public interface Pacing {
    DialMode mode();

    /** Lines to dial now, beyond those in progress. */
    int linesToDial(FloorState floor);

    /** A dial ended with {@code outcome}, {@code sinceDial} after it was placed. */
    default void dialEnded(CallOutcome outcome, Duration sinceDial) {
    }

    /** A live answer reached an agent in time. */
    default void connected() {
    }

    /** A live answer found no agent in time and heard the safe-harbour message. */
    default void abandoned() {
    }

    default void talkEnded(Duration talk) {
    }

    default void wrapUpEnded(Duration wrap) {
    }

    /** The pacing for {@code settings.mode()}. */
    static Pacing create(PacingSettings settings, OnlineEstimates.Priors priors, AbandonRate abandonRate, Clock clock) {
        return switch (settings.mode()) {
            case PREVIEW -> new PreviewPacing();
            case PROGRESSIVE -> new ProgressivePacing();
            case PREDICTIVE -> new PredictivePacing(settings, new OnlineEstimates(priors), abandonRate, clock);
        };
    }
}

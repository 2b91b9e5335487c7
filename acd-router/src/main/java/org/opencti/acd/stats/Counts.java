package org.opencti.acd.stats;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** Mutable counters behind {@link Figures}: plain fields, so recording an event is a few additions. */
final class Counts {
    int offered;
    int answered;
    int answeredWithinTarget;
    int abandoned;
    int shortAbandoned;
    int overflowedOut;
    int handled;
    long answerWaitMillis;
    long talkMillis;
    long handleMillis;

    void clear() {
        offered = 0;
        answered = 0;
        answeredWithinTarget = 0;
        abandoned = 0;
        shortAbandoned = 0;
        overflowedOut = 0;
        handled = 0;
        answerWaitMillis = 0;
        talkMillis = 0;
        handleMillis = 0;
    }

    void addTo(Counts sum) {
        sum.offered += offered;
        sum.answered += answered;
        sum.answeredWithinTarget += answeredWithinTarget;
        sum.abandoned += abandoned;
        sum.shortAbandoned += shortAbandoned;
        sum.overflowedOut += overflowedOut;
        sum.handled += handled;
        sum.answerWaitMillis += answerWaitMillis;
        sum.talkMillis += talkMillis;
        sum.handleMillis += handleMillis;
    }

    Figures figures() {
        int finished = answered + abandoned;
        return new Figures(offered, answered, answeredWithinTarget, abandoned, shortAbandoned, overflowedOut, handled,
            percent(answeredWithinTarget, finished), percent(abandoned, finished),
            average(answerWaitMillis, answered), average(talkMillis, handled), average(handleMillis, handled));
    }

    private static OptionalDouble percent(int part, int whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
    }

    private static Optional<Duration> average(long totalMillis, int count) {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(totalMillis / count));
    }
}

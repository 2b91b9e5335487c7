package org.opencti.dialer.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.compliance.AttemptLog;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.compliance.LogPage;
import org.opencti.dialer.pacing.AbandonRate;

/**
 * Keeps a runner's two abandon windows (US 30 days, UK 24 hours) true to the attempt log, which every node of the
 * campaign writes: a restarted node still knows the drops of the past 30 days, and two nodes on one campaign each count
 * the other's calls. The runner rebuilds both windows from the log when it starts and every {@link #EVERY}; between two
 * rebuilds it counts its own calls at once, so the pacing reacts to a drop without waiting for the next read.
 *
 * <p>No double count, no lost count: a call is counted live the moment its outcome is known, and its outcome is written
 * to the log a little later (on the worker), so a rebuild's read may or may not hold it. Each call counted live is kept
 * here by attempt id until a read returns that attempt with its outcome: a rebuild counts what it read, plus the calls
 * counted live that the read did not show with an outcome (written after the read, or whose write failed). An attempt
 * is thus counted from the log or from here, never both. A call is counted at its start instant when read and at its
 * outcome instant when live: the gap is a ring and a greeting (seconds), far inside the buckets' rounding.
 *
 * <p>On the runner's thread, except {@link #read}, which blocks and runs on the worker.
 */
final class AbandonLedger {
    /** How often the windows are rebuilt from the log. */
    static final Duration EVERY = Duration.ofSeconds(60);
    /** Attempts started up to this far ahead of our clock are read too: another node's clock may run a little ahead. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    /** The calls counted live that no read has yet shown with an outcome, by attempt id. */
    private final Map<Long, AbandonRate.Tally> countedLive = new HashMap<>();
    private boolean ready;
    private boolean reading;

    /** What one read of the log gave: the calls grouped by minute, and the attempts whose outcome it held. */
    record Read(List<AbandonRate.Tally> tallies, Set<Long> withOutcome) {
    }

    /** Whether a first rebuild has finished: the pacing must not dial on windows that forgot the past. */
    boolean ready() {
        return ready;
    }

    /** Starts a read unless one is in flight (a slow log must not pile reads up). */
    boolean startRead() {
        if (reading) {
            return false;
        }
        reading = true;
        return true;
    }

    void readFailed() {
        reading = false;
    }

    /** The runner counted the attempt's outcome live, at {@code at}. */
    void counted(long attemptId, CallOutcome outcome, Instant at) {
        kind(outcome).ifPresent(k -> countedLive.put(attemptId, new AbandonRate.Tally(at, k, 1)));
    }

    /** Which abandon count an outcome of the log goes into (the runner's own mapping); empty for unanswered calls. */
    static Optional<AbandonRate.Kind> kind(CallOutcome outcome) {
        return switch (outcome) {
            case LIVE_ANSWER -> Optional.of(AbandonRate.Kind.CONNECTED);
            case ABANDONED -> Optional.of(AbandonRate.Kind.ABANDONED);
            // MACHINE is only filed when AMD said machine; a machine put through to an agent is filed as a live answer
            // (the runner cannot tell), which keeps it in the live calls, as when it is counted live
            case MACHINE -> Optional.of(AbandonRate.Kind.AMD_MACHINE);
            default -> Optional.empty();
        };
    }

    /** Reads the campaign's attempts of the longest window (plus its rounding) up to {@code now}, page by page. Blocks. */
    static Read read(AttemptLog log, long campaignId, Instant now) {
        Instant from = now.minus(AbandonRate.Rule.longestSpan());
        Instant to = now.plus(SKEW);
        Map<Instant, long[]> byMinute = new TreeMap<>();
        Set<Long> withOutcome = new HashSet<>();
        LogPage.Cursor cursor = null;
        do {
            LogPage<DialAttempt> page = log.attempts(campaignId, from, to, cursor, LogPage.MAX_LIMIT);
            for (DialAttempt a : page.rows()) {
                if (a.outcome() == null) {
                    continue;
                }
                withOutcome.add(a.id());
                // the minute holds the same 1-minute (UK) and 5-minute (US) bucket as the start itself
                kind(a.outcome()).ifPresent(k -> byMinute.computeIfAbsent(a.startedAt().truncatedTo(ChronoUnit.MINUTES),
                    m -> new long[AbandonRate.Kind.values().length])[k.ordinal()]++);
            }
            cursor = page.next();
        } while (cursor != null);
        List<AbandonRate.Tally> tallies = new ArrayList<>();
        byMinute.forEach((minute, counts) -> {
            for (AbandonRate.Kind k : AbandonRate.Kind.values()) {
                if (counts[k.ordinal()] > 0) {
                    tallies.add(new AbandonRate.Tally(minute, k, counts[k.ordinal()]));
                }
            }
        });
        return new Read(tallies, withOutcome);
    }

    /** Rebuilds both windows from a read and the calls counted live it did not show. */
    void apply(Read read, Instant now, AbandonRate... windows) {
        reading = false;
        Instant forgotten = now.minus(AbandonRate.Rule.longestSpan());
        countedLive.keySet().removeAll(read.withOutcome());
        countedLive.values().removeIf(t -> t.at().isBefore(forgotten));
        List<AbandonRate.Tally> all = new ArrayList<>(read.tallies());
        all.addAll(countedLive.values());
        for (AbandonRate w : windows) {
            w.replaceWith(all);
        }
        ready = true;
    }
}

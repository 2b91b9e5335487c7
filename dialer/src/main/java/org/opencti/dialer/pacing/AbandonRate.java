package org.opencti.dialer.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One campaign's abandoned-call rate over a rolling window, on an injected clock.
 *
 * <p><b>US (Telemarketing Sales Rule, 16 CFR 310.4(b)(4))</b>: a call answered by a person that is not connected to an
 * agent within 2 seconds of the person's completed greeting is abandoned; at most 3 % of the calls answered by a person
 * may be abandoned, per campaign, over every 30 days. Here:
 * <pre>  rate = abandoned / (connected + abandoned)</pre>
 * where {@code connected + abandoned} are the live-answered calls. Answering machines are not in either term.
 *
 * <p><b>UK (Ofcom, persistent-misuse statement)</b>: the rate is counted per 24 hours (here: every rolling 24 hours,
 * which is stricter than per calendar day) over live calls, with the calls abandoned to answering machines estimated and
 * removed, and AMD false positives (people the detector took for machines and hung up on) estimated and added:
 * <pre>
 *   D = calls dropped with no agent,  L = live calls put through to agents,
 *   M = answering machines put through to agents (AMD off, or AMD let them through),
 *   F = estimated AMD false positives = AMD machine verdicts x the detector's measured false-positive rate
 *   D_live = D x L / (L + M)          (drops to machines removed in the proportion the agents met them)
 *   rate   = (D_live + F) / (D_live + L + F)
 * </pre>
 * Ofcom's worked example, 29 drops, 9 live and 7 machines with no AMD: D_live = 29 x 9 / 16 = 16.3125 and
 * rate = 16.3125 / (16.3125 + 9) = 64.44 %.
 */
public final class AbandonRate {
    /** Which regulator's window and formula. */
    public enum Rule {
        US_TSR(Duration.ofDays(30), Duration.ofMinutes(5)),
        UK_OFCOM(Duration.ofDays(1), Duration.ofMinutes(1));

        private final Duration window;
        private final Duration bucket;

        Rule(Duration window, Duration bucket) {
            this.window = window;
            this.bucket = bucket;
        }

        public Duration window() {
            return window;
        }

        /** The counts' time bucket: the window is rounded out to whole buckets (it may count one bucket more, never less). */
        public Duration bucket() {
            return bucket;
        }

        /** The longest span any rule counts: its window plus one bucket of rounding. */
        public static Duration longestSpan() {
            Duration longest = Duration.ZERO;
            for (Rule r : values()) {
                Duration span = r.window.plus(r.bucket);
                longest = span.compareTo(longest) > 0 ? span : longest;
            }
            return longest;
        }
    }

    /** What one counted call was, in the terms of the two formulas (see the class comment). */
    public enum Kind {
        CONNECTED, ABANDONED, MACHINE_AT_AGENT, AMD_MACHINE
    }

    /** {@code count} calls of one kind at one instant (or read from a log and grouped by a minute or less). */
    public record Tally(Instant at, Kind kind, long count) {
        public Tally {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            if (count < 0) {
                throw new IllegalArgumentException("a tally of " + kind + " at " + at + " must be >= 0, got " + count);
            }
        }
    }

    /** The counts in the window now, and the rate they give under the campaign's rule. */
    public record Counts(long connected, long abandoned, long machinesAtAgent, long amdMachines, double rate) {
    }

    private static final int CONNECTED = Kind.CONNECTED.ordinal();
    private static final int ABANDONED = Kind.ABANDONED.ordinal();
    private static final int MACHINE_AT_AGENT = Kind.MACHINE_AT_AGENT.ordinal();
    private static final int AMD_MACHINE = Kind.AMD_MACHINE.ordinal();

    private final String campaignId;
    private final Rule rule;
    private final double amdFalsePositiveRate;
    private final Clock clock;
    private final RollingCounts counts;

    /**
     * @param amdFalsePositiveRate the share of the detector's machine verdicts that were people, as measured for this
     *     campaign's detector (0 when AMD is off); only the UK formula uses it
     */
    public AbandonRate(String campaignId, Rule rule, double amdFalsePositiveRate, Clock clock) {
        if (!(amdFalsePositiveRate >= 0 && amdFalsePositiveRate < 1)) {
            throw new IllegalArgumentException("campaign " + campaignId + ": AMD false-positive rate must be in [0, 1), got "
                + amdFalsePositiveRate);
        }
        this.campaignId = campaignId;
        this.rule = rule;
        this.amdFalsePositiveRate = amdFalsePositiveRate;
        this.clock = clock;
        this.counts = new RollingCounts(rule.window, rule.bucket, Kind.values().length);
    }

    public String campaignId() {
        return campaignId;
    }

    public Rule rule() {
        return rule;
    }

    /** A person's call reached an agent within the connect deadline. */
    public void connected() {
        counts.add(clock.instant(), CONNECTED);
    }

    /** A person's call (or one AMD was not sure of) found no agent within 2 s and heard the safe-harbour message. */
    public void abandoned() {
        counts.add(clock.instant(), ABANDONED);
    }

    /** An agent was put through to an answering machine (AMD off, or AMD missed it). */
    public void machineAtAgent() {
        counts.add(clock.instant(), MACHINE_AT_AGENT);
    }

    /** AMD said machine and the dialer hung up (some of these were people: the false positives). */
    public void amdMachine() {
        counts.add(clock.instant(), AMD_MACHINE);
    }

    /**
     * A call counted at a past instant (a late report): it joins the newest bucket if it is older than that, so it stays in
     * the window a little longer than it should, the side of a higher rate.
     */
    public void record(Kind kind, Instant at) {
        counts.add(at, kind.ordinal());
    }

    /**
     * Forgets every count and counts {@code tallies} instead, each in the bucket of its own instant (a tally's instant
     * must lie in the same bucket as the calls it groups, e.g. their start truncated to the minute: both rules' buckets
     * are whole minutes). The window is still rounded out, never in. Used to rebuild the rate from the attempt log.
     */
    public void replaceWith(Collection<Tally> tallies) {
        List<Tally> oldestFirst = new ArrayList<>(tallies);
        oldestFirst.sort(Comparator.comparing(Tally::at));
        counts.clear();
        for (Tally t : oldestFirst) {
            counts.add(t.at(), t.kind().ordinal(), t.count());
        }
    }

    /** The rate now, over the rule's window ending now; 0 before any live call. */
    public double rate() {
        return counts().rate();
    }

    public Counts counts() {
        var now = clock.instant();
        long connected = counts.count(now, CONNECTED);
        long abandoned = counts.count(now, ABANDONED);
        long machines = counts.count(now, MACHINE_AT_AGENT);
        long amd = counts.count(now, AMD_MACHINE);
        double rate = rule == Rule.US_TSR ? usRate(abandoned, connected)
            : ofcomRate(abandoned, connected, machines, amd * amdFalsePositiveRate);
        return new Counts(connected, abandoned, machines, amd, rate);
    }

    /** The TSR rate: abandoned over live-answered ({@code connected + abandoned}); 0 when nothing was answered. */
    public static double usRate(long abandoned, long connected) {
        long live = abandoned + connected;
        return live == 0 ? 0 : (double) abandoned / live;
    }

    /**
     * Ofcom's rate (see the class comment): {@code (D_live + F) / (D_live + L + F)} with {@code D_live = D x L / (L + M)}.
     * With no calls put through at all ({@code L + M = 0}) every drop is taken to be a person.
     */
    public static double ofcomRate(long drops, long live, long machines, double falsePositives) {
        if (drops < 0 || live < 0 || machines < 0 || !(falsePositives >= 0)) {
            throw new IllegalArgumentException("Ofcom rate needs counts >= 0, got drops " + drops + ", live " + live + ", machines "
                + machines + ", false positives " + falsePositives);
        }
        double liveDrops = live + machines == 0 ? drops : (double) drops * live / (live + machines);
        double denominator = liveDrops + live + falsePositives;
        return denominator == 0 ? 0 : (liveDrops + falsePositives) / denominator;
    }
}

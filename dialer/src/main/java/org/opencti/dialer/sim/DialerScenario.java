package org.opencti.dialer.sim;

import java.time.Duration;

/**
 * A campaign, its list and its floor, for the dialer simulation. The list's numbers answer as the rates say (the rest
 * ring out unanswered); answering-machine detection takes {@code amdTime} after the answer and errs both ways.
 *
 * @param agents agents logged in for the whole shift
 * @param liveRate share of dials a person answers (25-35 % is typical)
 * @param machineRate share of dials an answering machine or voicemail answers
 * @param busyRate share of dials that are busy
 * @param congestionRate share of dials the network refuses
 * @param invalidRate share of dials to numbers not in service
 * @param amdFalsePositiveRate share of people AMD takes for machines (they are hung up on: a silent call to a person)
 * @param amdFalseNegativeRate share of machines AMD lets through to an agent as "not sure"
 * @param amdNotSureRate share of people AMD is not sure of (still put through)
 * @param answerDelay time from dial to answer for those who answer (longer than the ring time: no answer)
 * @param ringTimeout how long an unanswered call rings (at least 15 s)
 * @param machineHandling how long an agent spends on a machine AMD let through
 * @param previewTime how long a preview agent reads a record before deciding
 * @param previewSkipRate share of previewed records the agent skips
 * @param surge a stretch when many more people answer (a fresh list, the evening): null for none
 */
public record DialerScenario(String name, long seed, int agents, Duration shift, double liveRate, double machineRate, double busyRate,
                             double congestionRate, double invalidRate, boolean amd, double amdFalsePositiveRate,
                             double amdFalseNegativeRate, double amdNotSureRate, Duration amdTime, LogNormal answerDelay,
                             Duration ringTimeout, LogNormal talk, LogNormal wrapUp, Duration machineHandling, Duration previewTime,
                             double previewSkipRate, Surge surge) {
    /** From {@code start} for {@code length}, people answer at {@code liveRate} (machines and the rest shrink to fit). */
    public record Surge(Duration start, Duration length, double liveRate) {
    }

    public DialerScenario {
        if (agents < 0) {
            throw new IllegalArgumentException("scenario " + name + ": agents must be >= 0, got " + agents);
        }
        double sum = liveRate + machineRate + busyRate + congestionRate + invalidRate;
        if (liveRate < 0 || machineRate < 0 || busyRate < 0 || congestionRate < 0 || invalidRate < 0 || sum > 1 + 1e-9) {
            throw new IllegalArgumentException("scenario " + name + ": outcome rates must be >= 0 and sum to at most 1, got " + sum);
        }
        if (ringTimeout.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new IllegalArgumentException("scenario " + name + ": ring timeout must be at least 15 s, got " + ringTimeout);
        }
        if (shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("scenario " + name + ": shift must be > 0, got " + shift);
        }
    }

    /**
     * The default: 40 agents for an 8-hour shift; 30 % live, 20 % machines, 10 % busy, 2 % congestion, 8 % invalid,
     * 30 % no answer; AMD on (2.5 s, 5 % false positives, 10 % false negatives, 3 % not sure); answers after 12 s (sd 6,
     * two to four US ring cycles), 25 s ring time; talk log-normal 90 s (sd 75: many short "not interested" calls, some
     * long ones), wrap-up 15 s (sd 8).
     */
    public static DialerScenario standard() {
        return new DialerScenario("default", 1, 40, Duration.ofHours(8), 0.30, 0.20, 0.10, 0.02, 0.08, true, 0.05, 0.10, 0.03,
            Duration.ofMillis(2500), LogNormal.seconds(12, 6), Duration.ofSeconds(25), LogNormal.seconds(90, 75),
            LogNormal.seconds(15, 8), Duration.ofSeconds(6), Duration.ofSeconds(12), 0.10, null);
    }

    public DialerScenario withSeed(long s) {
        return new DialerScenario(name, s, agents, shift, liveRate, machineRate, busyRate, congestionRate, invalidRate, amd,
            amdFalsePositiveRate, amdFalseNegativeRate, amdNotSureRate, amdTime, answerDelay, ringTimeout, talk, wrapUp,
            machineHandling, previewTime, previewSkipRate, surge);
    }

    public DialerScenario withAgents(int n) {
        return new DialerScenario(name, seed, n, shift, liveRate, machineRate, busyRate, congestionRate, invalidRate, amd,
            amdFalsePositiveRate, amdFalseNegativeRate, amdNotSureRate, amdTime, answerDelay, ringTimeout, talk, wrapUp,
            machineHandling, previewTime, previewSkipRate, surge);
    }

    public DialerScenario withSurge(Surge s) {
        return new DialerScenario(name, seed, agents, shift, liveRate, machineRate, busyRate, congestionRate, invalidRate, amd,
            amdFalsePositiveRate, amdFalseNegativeRate, amdNotSureRate, amdTime, answerDelay, ringTimeout, talk, wrapUp,
            machineHandling, previewTime, previewSkipRate, s);
    }

    public DialerScenario withShift(Duration d) {
        return new DialerScenario(name, seed, agents, d, liveRate, machineRate, busyRate, congestionRate, invalidRate, amd,
            amdFalsePositiveRate, amdFalseNegativeRate, amdNotSureRate, amdTime, answerDelay, ringTimeout, talk, wrapUp,
            machineHandling, previewTime, previewSkipRate, surge);
    }
}

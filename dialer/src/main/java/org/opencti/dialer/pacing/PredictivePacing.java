package org.opencti.dialer.pacing;

import java.time.Clock;
import java.time.Duration;

/**
 * Predictive: dials ahead for agents free now and soon, keeping the expected share of live answers that find no agent
 * under a target.
 *
 * <p>For a decision, with {@code p} the estimated chance that a dial needs an agent and {@code h} the estimated seconds
 * from dial to that moment:
 * <ul>
 *   <li>agents available by then, {@code A = free + sum of Bernoulli(q_i)}, where {@code q_i} is the chance that busy
 *   agent {@code i} is free within {@code h} (log-normal talk time conditioned on the time already talked, plus the mean
 *   wrap-up; an agent in wrap-up is counted when its mean wrap-up ends within {@code h});</li>
 *   <li>calls needing an agent, {@code W + X}, with {@code W} answered calls already waiting and
 *   {@code X ~ Binomial(R + n, p)} for {@code R} lines in progress and {@code n} new ones;</li>
 *   <li>the expected abandoned share {@code E[(W + X - A)+] / E[W + X]}, computed exactly from the two distributions.</li>
 * </ul>
 * The pacing dials the largest {@code n} whose share stays at or under {@code target = level x budget}, capped at
 * {@code maxLinesPerAgent} lines per logged-in agent. The budget is {@code clamp(2g - r, 0, limit)} for the aim
 * {@code g = headroom x limit} and {@code r} the campaign's abandon rate so far (the prior {@code g} until 50 live
 * answers), and 0 once {@code r} reaches the limit: running under the aim earns more over-dial, running over it less.
 * The level is {@link DropBackoff}'s: halved at every drop, 0 for two minutes after a spike. With a target of 0 the
 * share is 0 only if every call can have an agent for certain, which is progressive dialing; with no agent logged in it
 * dials nothing.
 */
public final class PredictivePacing implements Pacing {
    private static final long MIN_LIVE_FOR_RATE = 50;

    private final PacingSettings settings;
    private final OnlineEstimates estimates;
    private final AbandonRate abandonRate;
    private final DropBackoff backoff;

    public PredictivePacing(PacingSettings settings, OnlineEstimates estimates, AbandonRate abandonRate, Clock clock) {
        this.settings = settings;
        this.estimates = estimates;
        this.abandonRate = abandonRate;
        this.backoff = new DropBackoff(settings.abandonLimit(), clock);
    }

    @Override
    public DialMode mode() {
        return DialMode.PREDICTIVE;
    }

    @Override
    public int linesToDial(FloorState floor) {
        if (floor.loggedIn() == 0) {
            return 0;
        }
        double p = Math.min(1 - 1e-9, Math.max(1e-6, estimates.needsAgentRate()));
        double h = estimates.secondsToAgent();
        double[] available = availableAgents(floor, h);
        double[] shortfall = expectedShortfall(available, floor.liveWaiting() + floor.loggedIn() * settings.maxLinesPerAgent() + 1);
        double target = target();
        int cap = floor.loggedIn() * settings.maxLinesPerAgent() - floor.linesInProgress();
        int best = 0;
        for (int n = 0; n <= cap; n++) {
            int lines = floor.linesInProgress() + n;
            double expectedCalls = floor.liveWaiting() + lines * p;
            double share = expectedCalls == 0 ? 0 : expectedOverflow(lines, p, floor.liveWaiting(), shortfall) / expectedCalls;
            if (share > target + 1e-12) {
                break;
            }
            best = n;
        }
        return best;
    }

    /** The share of live answers this decision may expect to lose: the back-off level times the budget left. */
    double target() {
        AbandonRate.Counts c = abandonRate.counts();
        double limit = settings.abandonLimit();
        double aim = settings.headroom() * limit;
        double soFar = c.connected() + c.abandoned() >= MIN_LIVE_FOR_RATE ? c.rate() : aim;
        double budget = soFar >= limit ? 0 : Math.min(limit, Math.max(0, 2 * aim - soFar));
        return backoff.level() * budget;
    }

    /** The distribution of agents available within {@code h} seconds: free ones for certain, busy ones by chance. */
    private double[] availableAgents(FloorState floor, double h) {
        int busy = floor.talking().size() + floor.wrapping().size();
        double[] pmf = new double[busy + 1];
        pmf[0] = 1;
        int k = 0;
        for (Duration d : floor.talking()) {
            k = addBernoulli(pmf, k, estimates.freeWithin(OnlineEstimates.seconds(d), h));
        }
        for (Duration d : floor.wrapping()) {
            k = addBernoulli(pmf, k, estimates.wrapDoneWithin(OnlineEstimates.seconds(d), h));
        }
        double[] shifted = new double[floor.free() + busy + 1];
        System.arraycopy(pmf, 0, shifted, floor.free(), busy + 1);
        return shifted;
    }

    private static int addBernoulli(double[] pmf, int size, double q) {
        for (int i = size + 1; i >= 1; i--) {
            pmf[i] = pmf[i] * (1 - q) + pmf[i - 1] * q;
        }
        pmf[0] *= 1 - q;
        return size + 1;
    }

    /** {@code g[k] = E[(k - A)+]} for k = 0..upTo. */
    private static double[] expectedShortfall(double[] agents, int upTo) {
        double[] g = new double[upTo + 1];
        double cdf = 0;
        for (int k = 0; k < upTo; k++) {
            cdf += k < agents.length ? agents[k] : 0;
            g[k + 1] = g[k] + cdf;
        }
        return g;
    }

    /** {@code E[(waiting + X - A)+]} for {@code X ~ Binomial(lines, p)}. */
    private static double expectedOverflow(int lines, double p, int waiting, double[] shortfall) {
        double pmf = Math.pow(1 - p, lines);
        double sum = 0;
        for (int x = 0; x <= lines; x++) {
            sum += pmf * shortfall[Math.min(shortfall.length - 1, waiting + x)];
            pmf *= (double) (lines - x) / (x + 1) * p / (1 - p);
        }
        return sum;
    }

    @Override
    public void dialEnded(CallOutcome outcome, Duration sinceDial) {
        estimates.dialEnded(outcome, sinceDial);
    }

    @Override
    public void connected() {
        backoff.connected();
    }

    @Override
    public void abandoned() {
        backoff.abandoned();
    }

    @Override
    public void talkEnded(Duration talk) {
        estimates.talkEnded(talk);
    }

    @Override
    public void wrapUpEnded(Duration wrap) {
        estimates.wrapUpEnded(wrap);
    }

    /** The back-off level now (0..1), for statistics and tests. */
    public double backoffLevel() {
        return backoff.level();
    }

    /** Drop spikes seen so far. */
    public long spikes() {
        return backoff.spikes();
    }

    public OnlineEstimates estimates() {
        return estimates;
    }
}

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
 *   <li>calls needing an agent, {@code W + X}, with {@code W} answered calls already waiting and {@code X} the sum of
 *   a Bernoulli for each line in progress, with the chance that a line of its age still needs an agent
 *   ({@link OnlineEstimates#needsAgentAfter}), and {@code Binomial(n, p)} for {@code n} new lines;</li>
 *   <li>the expected abandoned share {@code E[(W + X - A)+] / E[W + X]}, computed exactly from the two distributions.</li>
 * </ul>
 * The pacing dials the largest {@code n} whose share stays at or under the target, capped at {@code maxLinesPerAgent}
 * lines per logged-in agent. The target is {@code level x min(limit, c x aim)} with {@code aim = headroom x limit}
 * (2.4 % by default), {@code c} the calibration that drops and connects move so that drops settle at the aim, and
 * {@code level} 0 for two minutes after a drop spike (see {@link DropBackoff}); it is 0 while the campaign's rate over
 * its rule's window (30 days US, 24 hours UK) is at or over the limit. With a target of 0 the share is 0 only if every
 * call can have an agent for certain, which is progressive dialing; with no agent logged in it dials nothing.
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
        this.backoff = new DropBackoff(settings.abandonLimit(), settings.headroom() * settings.abandonLimit(), clock);
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
        double h = estimates.secondsToAgent();
        double[] available = availableAgents(floor, h);
        int cap = floor.loggedIn() * settings.maxLinesPerAgent() - floor.linesInProgress();
        int most = floor.linesInProgress() + Math.max(0, cap);
        double[] shortfall = expectedShortfall(available, floor.liveWaiting() + most + 1);
        // Calls that will need an agent: a Poisson-binomial over the lines in progress (each by its age), then one
        // more Bernoulli(p) for each new line tried.
        double[] calls = new double[most + 2];
        calls[0] = 1;
        int size = 0;
        double expected = floor.liveWaiting();
        for (Duration age : floor.lines()) {
            double q = estimates.needsAgentAfter(OnlineEstimates.seconds(age));
            size = addBernoulli(calls, size, q);
            expected += q;
        }
        double p = estimates.needsAgentAfter(0);
        double target = target();
        int best = 0;
        for (int n = 0; n <= cap; n++) {
            double share = expected == 0 ? 0 : expectedOverflow(calls, size, floor.liveWaiting(), shortfall) / expected;
            if (share > target + 1e-12) {
                break;
            }
            best = n;
            size = addBernoulli(calls, size, p);
            expected += p;
        }
        return best;
    }

    /**
     * The share of live answers this decision may plan to lose: {@link DropBackoff#plannedShare()}, or 0 once the
     * campaign's rate over its rule's window has reached the limit.
     */
    double target() {
        AbandonRate.Counts c = abandonRate.counts();
        boolean overLimit = c.connected() + c.abandoned() >= MIN_LIVE_FOR_RATE && c.rate() >= settings.abandonLimit();
        return overLimit ? 0 : backoff.plannedShare();
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

    /** {@code E[(waiting + X - A)+]} for X distributed as {@code calls[0..size]}. */
    private static double expectedOverflow(double[] calls, int size, int waiting, double[] shortfall) {
        double sum = 0;
        for (int x = 0; x <= size; x++) {
            sum += calls[x] * shortfall[Math.min(shortfall.length - 1, waiting + x)];
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

    /** The calibration of the model's expected drops (see {@link DropBackoff}). */
    public double calibration() {
        return backoff.calibration();
    }

    /** Drop spikes seen so far. */
    public long spikes() {
        return backoff.spikes();
    }

    public OnlineEstimates estimates() {
        return estimates;
    }
}

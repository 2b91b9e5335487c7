package org.opencti.dialer.pacing;

import java.time.Duration;

/**
 * What the predictive pacing has learnt about a campaign, estimated online from each outcome: the chance that a line
 * needs an agent, how long until it does, and the talk and wrap-up times. Talk times are modelled as log-normal (the
 * usual right-skewed shape): the mean and variance of their logarithm are tracked, which gives the chance that an agent
 * already {@code e} seconds into a call is free within the next {@code h}.
 *
 * <p>The chance that a line needs an agent depends on how long it has been in progress: a line still ringing after
 * 18 s is most likely heading for a no-answer. So it is kept per second of age: for each age {@code a}, of the lines that
 * were still in progress at {@code a}, the (exponentially weighted) share that went on to need an agent.
 */
public final class OnlineEstimates {
    /** How much a prior counts, in observations, and how far back a warm estimate looks (1/floor observations). */
    private static final double PRIOR_WEIGHT = 20;
    private static final double FLOOR = 0.01;
    /** Ages tracked, in seconds; older lines share the last one. */
    static final int MAX_AGE = 60;
    /** Per ended line, older evidence keeps this much weight: about the last 500 lines count. */
    private static final double AGE_DECAY = 0.998;

    private final double[] reachedAge = new double[MAX_AGE + 1];
    private final double[] neededAgentAfterAge = new double[MAX_AGE + 1];

    private final Ewma needsAgent;
    private final Ewma secondsToAgent;
    private final Ewma logTalk;
    private final Ewma logTalkSquared;
    private final Ewma wrapSeconds;

    /** Priors for a campaign with no history yet. */
    public record Priors(double needsAgentRate, Duration dialToAgent, Duration talkMean, Duration talkSd, Duration wrapUp) {
        public Priors {
            if (!(needsAgentRate > 0 && needsAgentRate <= 1)) {
                throw new IllegalArgumentException("prior live-answer rate must be in (0, 1], got " + needsAgentRate);
            }
            if (talkMean.isZero() || talkMean.isNegative() || talkSd.isNegative() || dialToAgent.isNegative() || wrapUp.isNegative()) {
                throw new IllegalArgumentException("prior durations must be >= 0 (talk mean > 0), got " + this);
            }
        }

        /** A cautious start for an outbound campaign: 30 % live, 15 s to answer, 3 min talk, 30 s wrap-up. */
        public static Priors outboundDefaults() {
            return new Priors(0.30, Duration.ofSeconds(15), Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofSeconds(30));
        }
    }

    public OnlineEstimates(Priors p) {
        double mean = seconds(p.talkMean());
        double sd = seconds(p.talkSd());
        double sigma2 = Math.log1p(sd * sd / (mean * mean));
        double mu = Math.log(mean) - sigma2 / 2;
        this.needsAgent = new Ewma(p.needsAgentRate(), PRIOR_WEIGHT, FLOOR);
        for (int a = 0; a <= MAX_AGE; a++) {
            reachedAge[a] = PRIOR_WEIGHT;
            neededAgentAfterAge[a] = PRIOR_WEIGHT * p.needsAgentRate();
        }
        this.secondsToAgent = new Ewma(seconds(p.dialToAgent()), PRIOR_WEIGHT, FLOOR);
        this.logTalk = new Ewma(mu, PRIOR_WEIGHT, FLOOR);
        this.logTalkSquared = new Ewma(sigma2 + mu * mu, PRIOR_WEIGHT, FLOOR);
        this.wrapSeconds = new Ewma(seconds(p.wrapUp()), PRIOR_WEIGHT, FLOOR);
    }

    /** A dial ended with {@code outcome}, {@code sinceDial} after it was placed. */
    public void dialEnded(CallOutcome outcome, Duration sinceDial) {
        needsAgent.add(outcome.needsAgent() ? 1 : 0);
        double lasted = seconds(sinceDial);
        for (int a = 0; a <= MAX_AGE; a++) {
            reachedAge[a] *= AGE_DECAY;
            neededAgentAfterAge[a] *= AGE_DECAY;
            if (a < lasted || a == 0) {
                reachedAge[a] += 1;
                neededAgentAfterAge[a] += outcome.needsAgent() ? 1 : 0;
            }
        }
        if (outcome.needsAgent()) {
            secondsToAgent.add(seconds(sinceDial));
        }
    }

    /** A conversation with a person ended after {@code talk}. */
    public void talkEnded(Duration talk) {
        double x = Math.log(Math.max(1.0, seconds(talk)));
        logTalk.add(x);
        logTalkSquared.add(x * x);
    }

    public void wrapUpEnded(Duration wrap) {
        wrapSeconds.add(seconds(wrap));
    }

    /** The chance that a dial needs an agent (a person, or AMD not sure). */
    public double needsAgentRate() {
        return needsAgent.mean();
    }

    /** The chance that a line {@code ageSeconds} into its dial, not ended yet, goes on to need an agent. */
    public double needsAgentAfter(double ageSeconds) {
        int a = (int) Math.min(MAX_AGE, Math.max(0, Math.floor(ageSeconds)));
        return neededAgentAfterAge[a] / reachedAge[a];
    }

    /** Mean seconds from dial to a call that needs an agent: how far ahead a dial placed now looks. */
    public double secondsToAgent() {
        return secondsToAgent.mean();
    }

    public double meanWrapSeconds() {
        return wrapSeconds.mean();
    }

    public double logTalkMean() {
        return logTalk.mean();
    }

    public double logTalkSd() {
        return Math.sqrt(Math.max(1e-6, logTalkSquared.mean() - logTalk.mean() * logTalk.mean()));
    }

    /** Mean talk seconds implied by the log-normal fit. */
    public double meanTalkSeconds() {
        double s = logTalkSd();
        return Math.exp(logTalk.mean() + s * s / 2);
    }

    /**
     * The chance that an agent {@code elapsed} seconds into a conversation is free (talk and wrap-up done) within
     * {@code horizon} seconds: P(T <= elapsed + horizon - wrap | T > elapsed) for log-normal talk time T, the wrap-up
     * taken at its mean.
     */
    public double freeWithin(double elapsedTalk, double horizon) {
        double talkBy = elapsedTalk + horizon - meanWrapSeconds();
        if (talkBy <= elapsedTalk) {
            return 0;
        }
        double m = logTalk.mean();
        double s = logTalkSd();
        double before = elapsedTalk <= 0 ? 0 : Normal.cdf((Math.log(elapsedTalk) - m) / s);
        double by = Normal.cdf((Math.log(talkBy) - m) / s);
        double survive = 1 - before;
        return survive <= 1e-12 ? 1 : Math.min(1, Math.max(0, (by - before) / survive));
    }

    /** The chance that an agent {@code elapsed} seconds into wrap-up is free within {@code horizon} seconds. */
    public double wrapDoneWithin(double elapsedWrap, double horizon) {
        return meanWrapSeconds() - elapsedWrap <= horizon ? 1 : 0;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

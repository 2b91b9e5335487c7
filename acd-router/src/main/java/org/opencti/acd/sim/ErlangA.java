package org.opencti.acd.sim;

/**
 * The Erlang A queue (Palm's M/M/N+M): Poisson arrivals, exponential handle times, N agents, and callers who give up
 * after an exponential patience with mean 1/θ. Unlike Erlang C it is stable at any load, and it is what a centre with
 * abandonment should be planned with (Garnett, Mandelbaum and Reiman, "Designing a call center with impatient customers",
 * 2002).
 *
 * <p>Computed exactly from the birth-death chain rather than from the incomplete-gamma closed form: states below N are
 * Poisson-like and summarised by Erlang B ({@code 1/B - 1 = Σ_{n<N} π_n / π_N}); the states N + j (j callers waiting)
 * have weights {@code w_j = Π_{k=1..j} λ / (Nμ + kθ)}, summed in log space with a running scale so that neither heavy
 * overload nor large centres overflow. A caller who finds j others waiting is answered with probability
 * {@code Nμ / (Nμ + (j+1)θ)} (the product telescopes) after a wait whose mean, given that it is answered, is
 * {@code Σ_{i=0..j} 1 / (Nμ + (i+1)θ)}: each step ahead takes an exponential time with the total rate of the events that
 * end it.
 *
 * <p>With infinite patience (θ = 0) it is Erlang C, and the limit θ → 0 agrees with it (tested).
 */
public final class ErlangA {
    /** Tail terms below e^-45 of the running sum change no double in the results. */
    private static final double NEGLIGIBLE_LOG = -45.0;
    private static final long MAX_TERMS = 50_000_000L;

    private final double arrivalRate;
    private final double meanHandleTime;
    private final double meanPatience;
    private final int agents;
    private final double waitProbability;
    private final double abandonProbability;
    private final double meanQueueLength;
    private final double answeredWait;

    /**
     * @param arrivalRate    calls per time unit (λ)
     * @param meanHandleTime mean handle time (1/μ), same unit
     * @param meanPatience   mean time a caller waits before hanging up (1/θ), same unit; infinity means nobody abandons
     * @param agents         agents answering (N)
     */
    public ErlangA(double arrivalRate, double meanHandleTime, double meanPatience, int agents) {
        ErlangC.requirePositive(arrivalRate, "arrivalRate");
        ErlangC.requirePositive(meanHandleTime, "meanHandleTime");
        if (!(meanPatience > 0)) {
            throw new IllegalArgumentException("meanPatience must be positive (or infinite), got " + meanPatience);
        }
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be >= 1, got " + agents);
        }
        this.arrivalRate = arrivalRate;
        this.meanHandleTime = meanHandleTime;
        this.meanPatience = meanPatience;
        this.agents = agents;
        if (Double.isInfinite(meanPatience)) {
            ErlangC c = new ErlangC(arrivalRate, meanHandleTime, agents);
            if (!c.stable()) {
                throw new IllegalArgumentException("without abandonment the queue is unstable at load " + c.offeredLoad()
                    + " erlangs for " + agents + " agents");
            }
            waitProbability = c.probabilityOfWaiting();
            abandonProbability = 0;
            meanQueueLength = c.meanQueueLength();
            answeredWait = c.averageSpeedOfAnswer();
            return;
        }
        double serviceRate = agents / meanHandleTime;
        double theta = 1 / meanPatience;
        double load = arrivalRate * meanHandleTime;
        double b = ErlangC.erlangB(agents, load);
        // log of Σ_{n<N} π_n / π_N = 1/B - 1
        double logBelow = Math.log1p(-b) - Math.log(b);

        double scale = 0;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double logW = 0;
        double answeredSteps = 0;
        for (long j = 0; ; j++) {
            if (j > MAX_TERMS) {
                throw new IllegalArgumentException("patience " + meanPatience + " is too long for an exact sum at this overload;"
                    + " use a shorter mean patience");
            }
            if (j > 0) {
                logW += Math.log(arrivalRate / (serviceRate + j * theta));
            }
            answeredSteps += 1 / (serviceRate + (j + 1) * theta);
            double answered = serviceRate / (serviceRate + (j + 1) * theta);
            if (logW > scale) {
                double shrink = Math.exp(scale - logW);
                s0 *= shrink;
                s1 *= shrink;
                s2 *= shrink;
                scale = logW;
            }
            double w = Math.exp(logW - scale);
            s0 += w;
            s1 += j * w;
            s2 += w * answered * answeredSteps;
            double nextRatio = arrivalRate / (serviceRate + (j + 1) * theta);
            if (nextRatio < 1) {
                double gap = 1 - nextRatio;
                double tailBound = Math.log((j + 1) / gap + 1 / (gap * gap));
                if (logW - scale + tailBound < NEGLIGIBLE_LOG) {
                    break;
                }
            }
        }
        double logWaiting = scale + Math.log(s0);
        this.waitProbability = 1 / (1 + Math.exp(logBelow - logWaiting));
        this.meanQueueLength = waitProbability * s1 / s0;
        this.abandonProbability = theta * meanQueueLength / arrivalRate;
        double waitAnsweredTotal = waitProbability * s2 / s0;
        this.answeredWait = abandonProbability >= 1 ? 0 : waitAnsweredTotal / (1 - abandonProbability);
    }

    /** P(wait &gt; 0): the share of callers who find every agent busy. */
    public double probabilityOfWaiting() {
        return waitProbability;
    }

    /** The share of callers who hang up before an agent answers. */
    public double probabilityOfAbandon() {
        return abandonProbability;
    }

    /** ASA: mean wait of the callers who are answered (those answered at once count as 0). */
    public double averageSpeedOfAnswer() {
        return answeredWait;
    }

    /** Mean wait over every caller, answered or not, until answered or gone (Little: E[Q] / λ). */
    public double averageWait() {
        return meanQueueLength / arrivalRate;
    }

    /** Mean number of callers waiting. */
    public double meanQueueLength() {
        return meanQueueLength;
    }

    /** Agent occupancy: the answered load λ(1 - P(abandon)) / μ spread over N agents. */
    public double occupancy() {
        return arrivalRate * (1 - abandonProbability) * meanHandleTime / agents;
    }

    public double offeredLoad() {
        return arrivalRate * meanHandleTime;
    }

    public double arrivalRate() {
        return arrivalRate;
    }

    public double meanHandleTime() {
        return meanHandleTime;
    }

    public double meanPatience() {
        return meanPatience;
    }

    public int agents() {
        return agents;
    }

    @Override
    public String toString() {
        return "ErlangA[λ=" + arrivalRate + ", 1/μ=" + meanHandleTime + ", 1/θ=" + meanPatience + ", N=" + agents + "]";
    }
}

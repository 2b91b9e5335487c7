package org.opencti.acd.sim;

/**
 * The Erlang C queue (M/M/N, callers wait forever): the textbook staffing formula, used here to check the
 * simulator and to give planners the number a simulation should be compared with.
 *
 * <p>Units are the caller's choice as long as they agree: an arrival rate per second with a handle time in seconds gives
 * waits in seconds. The probability of waiting comes from the Erlang B recursion, which never forms {@code A^N/N!} and so
 * neither overflows nor loses precision for large centres.
 */
public final class ErlangC {
    private final double arrivalRate;
    private final double meanHandleTime;
    private final int agents;
    private final double load;
    private final double waitProbability;

    /**
     * @param arrivalRate    calls per time unit (λ)
     * @param meanHandleTime mean handle time in the same unit (1/μ)
     * @param agents         agents answering (N)
     */
    public ErlangC(double arrivalRate, double meanHandleTime, int agents) {
        requirePositive(arrivalRate, "arrivalRate");
        requirePositive(meanHandleTime, "meanHandleTime");
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be >= 1, got " + agents);
        }
        this.arrivalRate = arrivalRate;
        this.meanHandleTime = meanHandleTime;
        this.agents = agents;
        this.load = arrivalRate * meanHandleTime;
        this.waitProbability = load >= agents ? 1.0 : fromErlangB(erlangB(agents, load), agents, load);
    }

    static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }

    /** Erlang B, the blocking probability of N servers offered A erlangs: B(n) = A·B(n-1) / (n + A·B(n-1)). */
    public static double erlangB(int servers, double offeredLoad) {
        double b = 1.0;
        for (int n = 1; n <= servers; n++) {
            b = offeredLoad * b / (n + offeredLoad * b);
        }
        return b;
    }

    private static double fromErlangB(double b, int n, double a) {
        return n * b / (n - a * (1 - b));
    }

    /** Offered load A = λ/μ in erlangs. */
    public double offeredLoad() {
        return load;
    }

    /** Agent occupancy A/N; at or above 1 the queue grows without bound. */
    public double occupancy() {
        return load / agents;
    }

    public boolean stable() {
        return load < agents;
    }

    /** P(wait &gt; 0): the share of callers who find every agent busy, C(N, A). 1 when the queue is unstable. */
    public double probabilityOfWaiting() {
        return waitProbability;
    }

    /** P(wait &gt; t) = C · e^(-(Nμ - λ)t). */
    public double probabilityWaitExceeds(double t) {
        if (!stable()) {
            return 1.0;
        }
        return waitProbability * Math.exp(-(agents - load) * t / meanHandleTime);
    }

    /** The share of callers answered within {@code target}: 1 - P(wait &gt; target). */
    public double serviceLevel(double target) {
        return 1.0 - probabilityWaitExceeds(target);
    }

    /** Mean wait over all callers (those answered at once count as 0): C / (Nμ - λ). Infinite when unstable. */
    public double averageSpeedOfAnswer() {
        if (!stable()) {
            return Double.POSITIVE_INFINITY;
        }
        return waitProbability * meanHandleTime / (agents - load);
    }

    /** Mean number of callers waiting (Little: λ · ASA). */
    public double meanQueueLength() {
        return arrivalRate * averageSpeedOfAnswer();
    }

    public double arrivalRate() {
        return arrivalRate;
    }

    public double meanHandleTime() {
        return meanHandleTime;
    }

    public int agents() {
        return agents;
    }

    /**
     * The fewest agents that answer at least {@code goal} of the calls within {@code target}: the planner's question.
     *
     * @param goal a share in (0, 1), such as 0.8 for "80 % in 20 s"
     */
    public static int agentsFor(double arrivalRate, double meanHandleTime, double target, double goal) {
        if (!(goal > 0 && goal < 1)) {
            throw new IllegalArgumentException("goal must be between 0 and 1 (exclusive), got " + goal);
        }
        int n = Math.max(1, (int) Math.floor(arrivalRate * meanHandleTime) + 1);
        while (new ErlangC(arrivalRate, meanHandleTime, n).serviceLevel(target) < goal) {
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return "ErlangC[λ=" + arrivalRate + ", 1/μ=" + meanHandleTime + ", N=" + agents + "]";
    }
}

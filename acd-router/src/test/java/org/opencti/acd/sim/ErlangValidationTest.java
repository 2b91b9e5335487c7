package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The simulator, real ACD and all, against queueing theory. Under Erlang's assumptions (Poisson arrivals, exponential
 * talk, one skill, no wrap-up, agents answer at once, the pop resolves inline) the ACD adds no time of its own, so
 * the simulated service level, P(wait) and ASA must match Erlang C, and with exponential patience the abandon rate
 * must match Erlang A.
 *
 * <p>The error bar is honest: ten independent replications (seeds 1..10), each long enough to forget its empty start
 * (a 5 h warm-up against a relaxation time under an hour at these loads); the tolerance is four standard errors of
 * their mean (for nine degrees of freedom that is beyond the 99.8 % two-sided t quantile). The loads are where
 * staffing answers are sensitive: 88 % occupancy for Erlang C, 95 % offered for Erlang A. Seeds are fixed, so the
 * outcome is deterministic.
 */
class ErlangValidationTest {
    private static final int REPLICATIONS = 10;
    private static final int AGENTS = 20;
    private static final double HANDLE = 300;
    private static final double TARGET = 20;

    @Test
    void noPatienceMatchesErlangC() {
        double callsPerHour = 0.88 * AGENTS / HANDLE * 3600;
        ErlangC theory = new ErlangC(callsPerHour / 3600, HANDLE, AGENTS);
        Replications runs = replicate(callsPerHour, "none");

        runs.check("service level", SimulationReport.Row::serviceLevel, theory.serviceLevel(TARGET));
        runs.check("P(wait)", SimulationReport.Row::probabilityOfWaiting, theory.probabilityOfWaiting());
        runs.check("ASA", SimulationReport.Row::averageSpeedOfAnswer, theory.averageSpeedOfAnswer());
        assertThat(runs.mean(SimulationReport.Row::abandonRate)).isZero();
        assertThat(runs.occupancy()).isCloseTo(theory.occupancy(), within(0.01));
    }

    @Test
    void exponentialPatienceMatchesErlangA() {
        double patience = 600;
        double callsPerHour = 0.95 * AGENTS / HANDLE * 3600;
        ErlangA theory = new ErlangA(callsPerHour / 3600, HANDLE, patience, AGENTS);
        Replications runs = replicate(callsPerHour, "{distribution: exponential, meanSeconds: " + patience + "}");

        runs.check("abandon rate", SimulationReport.Row::abandonRate, theory.probabilityOfAbandon());
        runs.check("P(wait)", SimulationReport.Row::probabilityOfWaiting, theory.probabilityOfWaiting());
        runs.check("ASA", SimulationReport.Row::averageSpeedOfAnswer, theory.averageSpeedOfAnswer());
        assertThat(runs.occupancy()).isCloseTo(theory.occupancy(), within(0.01));
    }

    private static Replications replicate(double callsPerHour, String patience) {
        String yaml = String.format(Locale.ROOT, """
            name: erlang
            duration: 70h
            warmUp: 5h
            agentAnswerSeconds: 0
            queues:
              - name: q
                skills: {s: 1}
                wrapUpSeconds: 0
                serviceLevelSeconds: %s
                handleTime: {distribution: exponential, meanSeconds: %s}
                patience: %s
                intervalMinutes: 60
                arrivals: [{callsPerHour: %s, intervals: 70}]
            agents:
              - {group: all, count: %d, skills: {s: 1}}
            """, TARGET, HANDLE, patience, callsPerHour, AGENTS);
        Scenario scenario = Scenario.parse(yaml, "erlang");
        SimulationReport[] reports = new SimulationReport[REPLICATIONS];
        for (int i = 0; i < REPLICATIONS; i++) {
            reports[i] = Simulation.run(scenario.withSeed(i + 1));
        }
        return new Replications(reports);
    }

    private record Replications(SimulationReport[] reports) {
        double mean(ToDoubleFunction<SimulationReport.Row> metric) {
            double sum = 0;
            for (SimulationReport r : reports) {
                sum += metric.applyAsDouble(r.total());
            }
            return sum / reports.length;
        }

        double standardError(ToDoubleFunction<SimulationReport.Row> metric) {
            double mean = mean(metric);
            double squares = 0;
            for (SimulationReport r : reports) {
                double d = metric.applyAsDouble(r.total()) - mean;
                squares += d * d;
            }
            return Math.sqrt(squares / (reports.length - 1) / reports.length);
        }

        double occupancy() {
            double sum = 0;
            for (SimulationReport r : reports) {
                sum += r.groups().get(0).occupancy();
            }
            return sum / reports.length;
        }

        void check(String what, ToDoubleFunction<SimulationReport.Row> metric, double expected) {
            double mean = mean(metric);
            double se = standardError(metric);
            long calls = 0;
            for (SimulationReport r : reports) {
                calls += r.total().offered();
            }
            System.out.printf(Locale.ROOT, "%-13s simulated %.4f ± %.4f (1 SE, %,d calls), formula %.4f, off by %.1f SE%n", what, mean,
                se, calls, expected, Math.abs(mean - expected) / se);
            assertThat(mean).as(what + " (simulated mean of %d runs vs formula)", reports.length).isCloseTo(expected, within(4 * se));
        }
    }
}

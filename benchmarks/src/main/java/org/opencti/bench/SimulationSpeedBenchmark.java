package org.opencti.bench;

import java.util.Locale;
import org.opencti.acd.sim.Scenario;
import org.opencti.acd.sim.Simulation;
import org.opencti.acd.sim.SimulationReport;

/**
 * How fast the contact-centre simulator runs the real ACD on virtual time: one day of a 500-agent centre, four queues,
 * about 100,000 calls. Prints wall time and simulated calls per second (goal: the day in at most 10 s).
 *
 * <p>Run: {@code mvn -B -o -q -pl acd-router install && mvn -B -o -q -pl benchmarks package -DskipTests &&
 * java -cp benchmarks/target/benchmarks.jar org.opencti.bench.SimulationSpeedBenchmark [runs]}. A first run (seed 0) is
 * timed as the cold figure a CLI user sees, then {@code runs} (default 3) warm runs with seeds 1, 2, ... The centre is
 * staffed around the clock, so its occupancy averages about 50 % and nears 90 % in the 10:00 peak.
 */
public final class SimulationSpeedBenchmark {
    /** Calls per hour of the whole centre over the day, hour by hour from midnight: about 100,000 in all. */
    private static final int[] DAY = {
        990, 770, 660, 660, 770, 1320, 2640, 4620, 6490, 7260, 7480, 7370,
        6930, 7040, 7260, 7040, 6600, 5940, 5060, 4180, 3300, 2530, 1870, 1320};
    private static final String[] QUEUES = {"billing", "support", "sales", "retention"};
    private static final double[] SHARE = {0.35, 0.35, 0.2, 0.1};

    private SimulationSpeedBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Scenario scenario = Scenario.parse(scenarioYaml(), "benchmark");
        System.out.printf(Locale.ROOT, "scenario: 24h, %d agents, %d queues, %.0f calls expected%n",
            scenario.agents().stream().mapToInt(g -> g.ids().size()).sum(), scenario.queues().size(), scenario.expectedCalls());
        long cold = System.nanoTime();
        SimulationReport first = Simulation.run(scenario.withSeed(0));
        double coldSeconds = (System.nanoTime() - cold) / 1e9;
        System.out.printf(Locale.ROOT, "cold run (JIT warming up): %,d calls in %.2f s wall%n", first.callsSimulated(), coldSeconds);
        SimulationReport last = first;
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            last = Simulation.run(scenario.withSeed(i));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %,d calls in %.2f s wall = %,.0f calls/s (%,.0fx real time)%n", i,
                last.callsSimulated(), seconds, last.callsSimulated() / seconds, 86_400 / seconds);
        }
        last.print(System.out);
    }

    /** The centre as scenario YAML, so the benchmark also goes through the loader a user's file goes through. */
    static String scenarioYaml() {
        StringBuilder y = new StringBuilder("""
            name: benchmark-500-agents
            duration: 24h
            seed: 1
            agentAnswerSeconds: 2
            patience: {distribution: exponential, meanSeconds: 150}
            tiers: {Gold: 0.1, Silver: 0.3, Bronze: 0.4}
            queues:
            """);
        for (int q = 0; q < QUEUES.length; q++) {
            y.append("  - name: ").append(QUEUES[q]).append('\n')
                .append("    skills: {").append(QUEUES[q]).append(": 5}\n")
                .append("    wrapUpSeconds: 15\n")
                .append("    handleTime: {distribution: lognormal, meanSeconds: 200, sdSeconds: 120}\n")
                .append("    intervalMinutes: 60\n")
                .append("    arrivals: [");
            for (int h = 0; h < DAY.length; h++) {
                y.append(h == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", DAY[h] * SHARE[q]));
            }
            y.append("]\n");
        }
        y.append("agents:\n");
        int[] counts = {150, 150, 80, 40};
        for (int q = 0; q < QUEUES.length; q++) {
            y.append("  - {group: ").append(QUEUES[q]).append(", count: ").append(counts[q]).append(", skills: {")
                .append(QUEUES[q]).append(": 7}}\n");
        }
        y.append("  - {group: blended, count: 80, skills: {billing: 6, support: 6, sales: 6, retention: 6}}\n");
        return y.toString();
    }
}

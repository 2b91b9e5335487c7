package org.opencti.acd.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * What a simulation measured, per queue, per caller tier and per agent group. Only calls that arrived after the warm-up
 * count. Counts and sums are stored; the rates are derived, so two runs of the same scenario and seed compare equal.
 *
 * @param callsSimulated every call that arrived, warm-up included
 */
public record SimulationReport(String scenario, Instant start, Duration duration, Duration warmUp, long seed, long callsSimulated,
                               List<Row> queues, List<Row> tiers, Row total, List<GroupRow> groups) {
    public SimulationReport {
        queues = List.copyOf(queues);
        tiers = List.copyOf(tiers);
        groups = List.copyOf(groups);
    }

    /**
     * The calls of one queue, one tier, or all.
     *
     * @param serviceLevelTarget the queue's target; null for rows that mix queues (each call is judged by its own queue's)
     * @param answered           bridged to an agent
     * @param abandoned          the caller hung up before an agent answered
     * @param unserved           neither: still waiting when the run gave up, or dropped by the ACD
     * @param answeredInTarget   answered with a wait of at most the target
     * @param queued             answered after waiting longer than the agent's ring, or abandoned: found no agent free
     * @param waitSeconds        total wait of the answered calls (arrival to bridge, ring included)
     * @param handleSeconds      total handle time of the answered calls: talk plus the queue's wrap-up
     */
    public record Row(String name, Duration serviceLevelTarget, long offered, long answered, long abandoned, long unserved,
                      long answeredInTarget, long queued, double waitSeconds, double handleSeconds) {
        private long decided() {
            return answered + abandoned;
        }

        /** Answered within the target ÷ (answered + abandoned). */
        public double serviceLevel() {
            return ratio(answeredInTarget, decided());
        }

        /** P(wait &gt; 0): the share of callers who found no agent free. */
        public double probabilityOfWaiting() {
            return ratio(queued, decided());
        }

        /** Average speed of answer in seconds, over answered calls. */
        public double averageSpeedOfAnswer() {
            return answered == 0 ? Double.NaN : waitSeconds / answered;
        }

        /** Average handle time in seconds (talk plus wrap-up), over answered calls. */
        public double averageHandleTime() {
            return answered == 0 ? Double.NaN : handleSeconds / answered;
        }

        /** Abandoned ÷ (answered + abandoned). */
        public double abandonRate() {
            return ratio(abandoned, decided());
        }

        private static double ratio(long a, long b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    /**
     * One agent group's time, counted after the warm-up and up to the end of the period.
     *
     * @param busySeconds  reserved, ringing, talking or in wrap-up
     * @param readySeconds ready and idle
     */
    public record GroupRow(String name, int agents, double staffedSeconds, double busySeconds, double readySeconds) {
        /** Busy ÷ (busy + ready): the share of available time spent on calls. */
        public double occupancy() {
            double available = busySeconds + readySeconds;
            return available == 0 ? Double.NaN : busySeconds / available;
        }

        public double staffedHours() {
            return staffedSeconds / 3600;
        }
    }

    public Row queue(String name) {
        return queues.stream().filter(r -> r.name().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no queue " + name + " in the report"));
    }

    public Row tier(String name) {
        return tiers.stream().filter(r -> r.name().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no tier " + name + " in the report"));
    }

    public GroupRow group(String name) {
        return groups.stream().filter(r -> r.name().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no agent group " + name + " in the report"));
    }

    /** The report as plain-text tables. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Simulation \"%s\": %s from %s, warm-up %s, seed %d, %,d calls simulated%n%n", scenario,
            YamlFields.describe(duration), start, YamlFields.describe(warmUp), seed, callsSimulated);
        String head = "%-16s %9s %9s %9s %8s %7s %6s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, head, "Queue", "Offered", "Answered", "Abandoned", "Unserved", "SL", "Target", "P(wait)",
            "ASA s", "AHT s", "Abandon");
        queues.forEach(r -> row(out, r));
        row(out, total);
        out.println();
        out.printf(Locale.ROOT, head, "Tier", "Offered", "Answered", "Abandoned", "Unserved", "SL", "Target", "P(wait)",
            "ASA s", "AHT s", "Abandon");
        tiers.forEach(r -> row(out, r));
        out.println();
        out.printf(Locale.ROOT, "%-16s %7s %10s %10s%n", "Agent group", "Agents", "Staffed h", "Occupancy");
        for (GroupRow g : groups) {
            out.printf(Locale.ROOT, "%-16s %7d %10.1f %10s%n", g.name(), g.agents(), g.staffedHours(), percent(g.occupancy()));
        }
    }

    private static void row(PrintStream out, Row r) {
        out.printf(Locale.ROOT, "%-16s %,9d %,9d %,9d %,8d %7s %6s %8s %8s %8s %8s%n", r.name(), r.offered(), r.answered(),
            r.abandoned(), r.unserved(), percent(r.serviceLevel()),
            r.serviceLevelTarget() == null ? "own" : YamlFields.describe(r.serviceLevelTarget()),
            percent(r.probabilityOfWaiting()), number(r.averageSpeedOfAnswer()), number(r.averageHandleTime()),
            percent(r.abandonRate()));
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}

package org.opencti.dialer.sim;

import java.util.List;
import java.util.Locale;
import org.opencti.dialer.pacing.DialMode;

/** The figures of one simulated shift per dial mode, side by side. */
public record DialerReport(DialerScenario scenario, List<Row> rows) {
    /**
     * One dial mode's shift.
     *
     * @param connects people who reached an agent
     * @param abandoned live answers that found no agent within 2 s (safe-harbour message)
     * @param usAbandonRate abandoned / live answered over the shift (TSR formula)
     * @param ukAbandonRate Ofcom's formula, with drops to machines removed and AMD false positives added
     * @param talkMinutesPerAgentHour minutes agents talked to people per logged-in agent hour
     * @param utilisation share of logged-in time agents spent talking, wrapping up or on machines AMD let through
     * @param amdPeopleDropped people AMD took for machines (the simulation knows; the dialer only estimates them)
     * @param agentDecisions preview decisions agents made (dial or skip)
     * @param agentSkips preview records agents skipped
     * @param spikeSeconds the seconds of the shift at which the predictive back-off saw a drop spike
     * @param dialsPerSecond dials placed in each second of the shift
     * @param overDialPerSecond lines in progress and answered calls waiting, minus free agents, after each second's
     *     pacing decision: above 0 the campaign is dialing ahead of its free agents
     */
    public record Row(DialMode mode, long dials, long connects, long abandoned, double usAbandonRate, double ukAbandonRate,
                      double talkMinutesPerAgentHour, double utilisation, long amdPeopleDropped, long agentDecisions, long agentSkips,
                      long[] spikeSeconds, int[] dialsPerSecond, int[] overDialPerSecond) {
        /** Dials placed in seconds {@code [from, to)} of the shift. */
        public long dialsBetween(long from, long to) {
            long sum = 0;
            for (long s = Math.max(0, from); s < Math.min(to, dialsPerSecond.length); s++) {
                sum += dialsPerSecond[(int) s];
            }
            return sum;
        }

        /** The mean over-dial over seconds {@code [from, to)} of the shift. */
        public double meanOverDial(long from, long to) {
            double sum = 0;
            long n = 0;
            for (long s = Math.max(0, from); s < Math.min(to, overDialPerSecond.length); s++) {
                sum += overDialPerSecond[(int) s];
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    public Row row(DialMode mode) {
        return rows.stream().filter(r -> r.mode() == mode).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no row for " + mode));
    }

    /** Predictive talk time per agent hour over progressive's. */
    public double predictiveGain() {
        double progressive = row(DialMode.PROGRESSIVE).talkMinutesPerAgentHour();
        return progressive == 0 ? 0 : row(DialMode.PREDICTIVE).talkMinutesPerAgentHour() / progressive;
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        DialerScenario s = scenario;
        out.append(String.format(Locale.ROOT, "Dialer simulation '%s': %d agents, %.1f h, seed %d; live %.0f %%, machines %.0f %%,"
                + " AMD %s (false positives %.0f %%, false negatives %.0f %%); talk log-normal mean %.0f s sd %.0f s%n",
            s.name(), s.agents(), s.shift().toMinutes() / 60.0, s.seed(), s.liveRate() * 100, s.machineRate() * 100,
            s.amd() ? "on" : "off", s.amdFalsePositiveRate() * 100, s.amdFalseNegativeRate() * 100,
            s.talk().mean().toMillis() / 1000.0, s.talk().sd().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "%-12s %8s %8s %9s %10s %10s %14s %12s %11s%n", "mode", "dials", "connects", "abandoned",
            "abandon US", "abandon UK", "talk min/ag h", "utilisation", "AMD people"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-12s %8d %8d %9d %9.2f%% %9.2f%% %14.1f %11.1f%% %11d%n",
                r.mode().name().toLowerCase(Locale.ROOT), r.dials(), r.connects(), r.abandoned(), r.usAbandonRate() * 100,
                r.ukAbandonRate() * 100, r.talkMinutesPerAgentHour(), r.utilisation() * 100, r.amdPeopleDropped()));
        }
        out.append(String.format(Locale.ROOT, "predictive / progressive talk time per agent hour: %.2f x (goal >= 1.35, abandon <= 3 %%)%n",
            predictiveGain()));
        return out.toString();
    }
}

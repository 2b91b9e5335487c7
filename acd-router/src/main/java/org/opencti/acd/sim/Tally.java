package org.opencti.acd.sim;

import java.time.Duration;

/** Running counts for one report row. */
final class Tally {
    enum Outcome { ANSWERED, ABANDONED, UNSERVED }

    private final String name;
    private final Duration target;
    private long offered;
    private long answered;
    private long abandoned;
    private long unserved;
    private long inTarget;
    private long queued;
    private double waitSeconds;
    private double handleSeconds;

    Tally(String name, Duration target) {
        this.name = name;
        this.target = target;
    }

    /**
     * @param wait     seconds from arrival to bridge (answered) or to hangup (abandoned)
     * @param queuedAt whether the caller found no agent free
     * @param handle   talk plus wrap-up, for answered calls
     */
    void add(Outcome outcome, double wait, boolean queuedAt, boolean withinTarget, double handle) {
        offered++;
        switch (outcome) {
            case ANSWERED -> {
                answered++;
                waitSeconds += wait;
                handleSeconds += handle;
                if (withinTarget) {
                    inTarget++;
                }
                if (queuedAt) {
                    queued++;
                }
            }
            case ABANDONED -> {
                abandoned++;
                queued++;
            }
            default -> unserved++;
        }
    }

    SimulationReport.Row row() {
        return new SimulationReport.Row(name, target, offered, answered, abandoned, unserved, inTarget, queued, waitSeconds,
            handleSeconds);
    }
}

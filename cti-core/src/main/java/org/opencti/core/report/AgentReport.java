package org.opencti.core.report;

import java.util.List;

/** The agent report: one row per agent, and the time each spent per state. */
public record AgentReport(List<AgentRow> agents, List<AgentStateRow> states) {
    public AgentReport {
        agents = List.copyOf(agents);
        states = List.copyOf(states);
    }
}

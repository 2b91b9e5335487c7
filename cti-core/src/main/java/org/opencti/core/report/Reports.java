package org.opencti.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The historical reports managers run the centre by, computed from the stored history (interactions, survey
 * answers, agent states, dial attempts) and the queue_log, so they survive restarts; the live counterpart is
 * acd-router's QueueStatistics.
 * Every method may block: call from a worker.
 */
public interface Reports {
    /** Per bin, queue and tier; {@code serviceLevelThreshold} is the answer time that counts as within target. */
    List<QueueIntervalRow> queues(ReportRange range, Duration serviceLevelThreshold);

    /** Per agent; {@code onlyAgents} limits it to those agents (a supervisor's team), null for everyone. */
    AgentReport agents(ReportRange range, Set<String> onlyAgents);

    /** First-contact resolution with the given repeat window, per queue, per agent and overall. */
    List<FcrRow> firstContactResolution(ReportRange range, Duration repeatWindow);

    /** The satisfaction index per bin by agent, by queue and by tier. */
    List<SatisfactionRow> satisfaction(ReportRange range);

    /**
     * Time per agent, state and reason in each bin, from the agents' state history; {@code onlyAgents} as for
     * {@link #agents}.
     */
    List<AgentStateIntervalRow> agentStates(ReportRange range, Set<String> onlyAgents);

    /** Campaign results per campaign and bin (attempts by the instant they started), and per disposition. */
    CampaignReport campaigns(ReportRange range);
}

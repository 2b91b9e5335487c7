package org.opencti.acd.routing;

/** Whether an agent of the right pool may take this particular call (missed offers, queue-priority fairness). */
interface CandidateFilter {
    boolean accepts(AgentNode agent, CallNode call);
}

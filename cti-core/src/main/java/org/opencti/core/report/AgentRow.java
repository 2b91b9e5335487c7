package org.opencti.core.report;

/**
 * One agent over the range. Handled calls are those answered in the range; talk excludes hold; AHT is
 * (talk + hold + wrap) / handled. Logged-in and paused time come from the queue_log (ADDMEMBER/REMOVEMEMBER,
 * PAUSE/UNPAUSE), clipped to the range; occupancy is (talk + hold + wrap) over logged-in time less paused
 * time, null when the agent was never available. Satisfaction is over the survey answers given in the range.
 */
public record AgentRow(String agentId, long handled, long talkSeconds, long holdSeconds, long wrapSeconds,
                       Double ahtSeconds, long loggedInSeconds, long pausedSeconds, Double occupancyPercent,
                       long surveyAnswers, Double averageScore, Double satisfactionIndex) {
}

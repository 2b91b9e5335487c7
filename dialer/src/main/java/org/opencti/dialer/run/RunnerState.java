package org.opencti.dialer.run;

/** Where a campaign runner is. */
public enum RunnerState {
    /** Built, not started. */
    CREATED,
    /** Dialing. */
    RUNNING,
    /** No new dials or previews; lines in progress finish. {@link CampaignRunner#start} resumes. */
    PAUSED,
    /** No new dials; waiting for the lines in progress and the stores' writes to finish. */
    STOPPING,
    /** Nothing in progress, every lease given back. For good. */
    STOPPED
}

package org.opencti.dialer.campaign;

/**
 * What the dialer is told when a person changes a campaign: the campaign's state has already been stored when these
 * are called (on a worker; they may block briefly). A method that throws undoes the change: the state goes back to
 * what it was and the person is told why ({@link IllegalStateException}: the change is refused as things stand, e.g.
 * nobody is logged in to work it; anything else: the dialer failed). The campaign runner implements this;
 * {@link #NONE} is for a node that does not dial.
 */
public interface CampaignControl {
    /** Start (or resume) dialing {@code campaign}; it was in {@code from}. */
    void started(Campaign campaign, CampaignState from);

    /** Stop placing new calls, keep what is claimed; calls in progress finish. */
    void paused(Campaign campaign);

    /** Stop placing new calls and give back what is claimed; calls in progress finish. */
    void stopped(Campaign campaign);

    /** The campaign was edited while running or paused: the runner should take the new settings. */
    void changed(Campaign campaign, CampaignState state);

    /** Does nothing: the states are stored and nothing dials. */
    CampaignControl NONE = new CampaignControl() {
        @Override
        public void started(Campaign campaign, CampaignState from) {
        }

        @Override
        public void paused(Campaign campaign) {
        }

        @Override
        public void stopped(Campaign campaign) {
        }

        @Override
        public void changed(Campaign campaign, CampaignState state) {
        }
    };
}

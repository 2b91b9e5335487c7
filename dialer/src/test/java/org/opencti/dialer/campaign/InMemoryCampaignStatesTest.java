package org.opencti.dialer.campaign;

import org.junit.jupiter.api.BeforeEach;

class InMemoryCampaignStatesTest extends CampaignStatesContract {
    private CampaignStore campaigns;
    private CampaignStates states;

    @BeforeEach
    void fresh() {
        campaigns = new InMemoryCampaignStore();
        states = new InMemoryCampaignStates(campaigns);
    }

    @Override
    protected CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    protected CampaignStates states() {
        return states;
    }
}

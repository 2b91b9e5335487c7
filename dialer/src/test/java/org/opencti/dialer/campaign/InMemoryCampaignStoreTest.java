package org.opencti.dialer.campaign;

import org.junit.jupiter.api.BeforeEach;

class InMemoryCampaignStoreTest extends CampaignStoreContract {
    private CampaignStore store;

    @BeforeEach
    void fresh() {
        store = new InMemoryCampaignStore();
    }

    @Override
    protected CampaignStore store() {
        return store;
    }
}

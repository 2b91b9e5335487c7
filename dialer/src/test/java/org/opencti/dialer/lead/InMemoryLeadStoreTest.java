package org.opencti.dialer.lead;

import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.InMemoryCampaignStore;

class InMemoryLeadStoreTest extends LeadStoreContract {
    private LeadStore store;
    private CampaignStore campaigns;

    @Override
    protected void reset() {
        store = new InMemoryLeadStore();
        campaigns = new InMemoryCampaignStore();
    }

    @Override
    protected LeadStore store() {
        return store;
    }

    @Override
    protected CampaignStore campaigns() {
        return campaigns;
    }
}

package org.opencti.dialer.run;

import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.InMemoryCampaignStore;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.LeadStore;

class InMemoryCallbackStoreTest extends CallbackStoreContract {
    private CallbackStore store;
    private CampaignStore campaigns;
    private LeadStore leads;

    @Override
    protected void reset() {
        store = new InMemoryCallbackStore();
        campaigns = new InMemoryCampaignStore();
        leads = new InMemoryLeadStore();
    }

    @Override
    protected CallbackStore store() {
        return store;
    }

    @Override
    protected CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    protected LeadStore leads() {
        return leads;
    }
}

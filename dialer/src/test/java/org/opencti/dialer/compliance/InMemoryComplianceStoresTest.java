package org.opencti.dialer.compliance;

import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.InMemoryCampaignStore;

class InMemoryComplianceStoresTest extends ComplianceStoresContract {
    private CampaignStore campaigns;
    private DncLists dnc;
    private AttemptLog attempts;
    private RefusalLog refusals;

    @Override
    protected void reset() {
        campaigns = new InMemoryCampaignStore();
        dnc = new InMemoryDncLists();
        attempts = new InMemoryAttemptLog();
        refusals = new InMemoryRefusalLog();
    }

    @Override
    protected long aCustomer() {
        return 5;
    }

    @Override
    protected CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    protected DncLists dnc() {
        return dnc;
    }

    @Override
    protected AttemptLog attempts() {
        return attempts;
    }

    @Override
    protected RefusalLog refusals() {
        return refusals;
    }
}

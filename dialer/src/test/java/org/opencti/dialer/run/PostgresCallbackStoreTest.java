package org.opencti.dialer.run;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.PostgresLeadStore;
import org.opencti.dialer.store.TestDatabase;

class PostgresCallbackStoreTest extends CallbackStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected void reset() {
        db.empty();
    }

    @Override
    protected CallbackStore store() {
        return new PostgresCallbackStore(db.dataSource());
    }

    @Override
    protected CampaignStore campaigns() {
        return new PostgresCampaignStore(db.dataSource());
    }

    @Override
    protected LeadStore leads() {
        return new PostgresLeadStore(db.dataSource());
    }
}

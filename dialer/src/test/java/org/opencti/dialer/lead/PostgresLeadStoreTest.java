package org.opencti.dialer.lead;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.store.TestDatabase;

class PostgresLeadStoreTest extends LeadStoreContract {
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
    protected LeadStore store() {
        return new PostgresLeadStore(db.dataSource());
    }

    @Override
    protected CampaignStore campaigns() {
        return new PostgresCampaignStore(db.dataSource());
    }
}

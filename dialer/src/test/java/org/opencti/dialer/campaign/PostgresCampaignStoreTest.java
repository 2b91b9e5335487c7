package org.opencti.dialer.campaign;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.dialer.store.TestDatabase;

class PostgresCampaignStoreTest extends CampaignStoreContract {
    private static TestDatabase db;
    private static CampaignStore store;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
        store = new PostgresCampaignStore(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.empty();
    }

    @Override
    protected CampaignStore store() {
        return store;
    }
}

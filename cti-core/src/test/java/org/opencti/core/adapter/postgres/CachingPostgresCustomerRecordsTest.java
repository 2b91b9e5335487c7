package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencti.core.adapter.cache.CachingCustomerRecords;
import org.opencti.core.adapter.contract.CustomerRecordsContract;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;

/** The records contract through the cache over PostgreSQL, interactions written through its invalidating log. */
class CachingPostgresCustomerRecordsTest extends CustomerRecordsContract {
    private static PostgresTestSchema db;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Override
    protected CustomerRecords emptyRecords() {
        db.empty();
        db.truncate("customer_audit", "dnc_numbers");
        return new CachingCustomerRecords(new PostgresCustomerDirectory(db.dataSource()));
    }

    @Override
    protected InteractionLog historyOf(CustomerRecords store) {
        return ((CachingCustomerRecords) store).invalidating(new PostgresInteractionLog(db.dataSource()));
    }
}

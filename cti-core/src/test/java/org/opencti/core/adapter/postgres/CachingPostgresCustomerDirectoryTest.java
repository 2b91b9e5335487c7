package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.opencti.core.adapter.contract.CustomerDirectoryContract;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

/** The directory contract through the cache over PostgreSQL, interactions written through its invalidating log. */
class CachingPostgresCustomerDirectoryTest extends CustomerDirectoryContract {
    private static PostgresTestSchema db;
    private CachingCustomerDirectory directory;
    private InteractionLog history;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.empty();
        directory = new CachingCustomerDirectory(new PostgresCustomerDirectory(db.dataSource()));
        history = directory.invalidating(new PostgresInteractionLog(db.dataSource()));
    }

    @Override
    protected CustomerDirectory directory() {
        return directory;
    }

    @Override
    protected InteractionLog history() {
        return history;
    }
}

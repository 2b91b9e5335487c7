package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.ScheduledCallbackStoreContract;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.port.DeskDefaults;

class PostgresScheduledCallbackStoreTest extends ScheduledCallbackStoreContract {
    private static PostgresTestSchema db;
    private PostgresScheduledCallbackStore store;
    private PostgresDeskDefaults defaults;

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
        db.truncate("scheduled_callbacks", "agent_desk_defaults");
        store = new PostgresScheduledCallbackStore(db.dataSource());
        defaults = new PostgresDeskDefaults(db.dataSource());
    }

    @Override
    protected ScheduledCallbackStore store() {
        return store;
    }

    @Override
    protected DeskDefaults defaults() {
        return defaults;
    }
}

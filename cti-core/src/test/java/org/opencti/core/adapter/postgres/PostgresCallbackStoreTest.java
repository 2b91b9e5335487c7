package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.CallbackStoreContract;
import org.opencti.core.port.CallbackStore;
import org.opencti.core.port.DeskDefaults;

class PostgresCallbackStoreTest extends CallbackStoreContract {
    private static PostgresTestSchema db;
    private PostgresCallbackStore store;
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
        store = new PostgresCallbackStore(db.dataSource());
        defaults = new PostgresDeskDefaults(db.dataSource());
    }

    @Override
    protected CallbackStore store() {
        return store;
    }

    @Override
    protected DeskDefaults defaults() {
        return defaults;
    }
}

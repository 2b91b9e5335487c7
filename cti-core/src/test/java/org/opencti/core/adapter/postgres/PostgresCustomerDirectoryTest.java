package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.CustomerDirectoryContract;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

class PostgresCustomerDirectoryTest extends CustomerDirectoryContract {
    private static PostgresTestSchema db;
    private PostgresCustomerDirectory directory;
    private PostgresInteractionLog history;

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
        directory = new PostgresCustomerDirectory(db.dataSource());
        history = new PostgresInteractionLog(db.dataSource());
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

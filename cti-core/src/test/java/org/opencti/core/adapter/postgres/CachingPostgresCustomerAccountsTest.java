package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.opencti.core.adapter.contract.CustomerAccountsContract;
import org.opencti.core.port.CustomerAccounts;

class CachingPostgresCustomerAccountsTest extends CustomerAccountsContract {
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
    protected CustomerAccounts emptyDirectory() {
        db.empty();
        return new CachingCustomerDirectory(new PostgresCustomerDirectory(db.dataSource()));
    }
}

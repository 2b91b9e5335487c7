package org.opencti.core.adapter.cache;

import org.opencti.core.adapter.contract.CustomerAccountsContract;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.port.CustomerAccounts;

class CachingInMemoryCustomerAccountsTest extends CustomerAccountsContract {
    @Override
    protected CustomerAccounts emptyDirectory() {
        return new CachingCustomerDirectory(new InMemoryCustomerDirectory(new InMemoryInteractionLog()));
    }
}

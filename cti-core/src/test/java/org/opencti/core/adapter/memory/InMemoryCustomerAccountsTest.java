package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.CustomerAccountsContract;
import org.opencti.core.port.CustomerAccounts;

class InMemoryCustomerAccountsTest extends CustomerAccountsContract {
    @Override
    protected CustomerAccounts emptyDirectory() {
        return new InMemoryCustomerDirectory(new InMemoryInteractionLog());
    }
}

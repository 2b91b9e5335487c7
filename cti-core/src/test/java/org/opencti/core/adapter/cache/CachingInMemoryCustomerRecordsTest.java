package org.opencti.core.adapter.cache;

import org.opencti.core.adapter.contract.CustomerRecordsContract;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;

/** The records contract through the cache, interactions written through its invalidating log as the server does. */
class CachingInMemoryCustomerRecordsTest extends CustomerRecordsContract {
    private InMemoryInteractionLog log;

    @Override
    protected CustomerRecords emptyRecords() {
        log = new InMemoryInteractionLog();
        return new CachingCustomerRecords(new InMemoryCustomerDirectory(log));
    }

    @Override
    protected InteractionLog historyOf(CustomerRecords store) {
        return ((CachingCustomerRecords) store).invalidating(log);
    }
}

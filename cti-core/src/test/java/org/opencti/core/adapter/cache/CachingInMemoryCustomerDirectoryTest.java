package org.opencti.core.adapter.cache;

import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.CustomerDirectoryContract;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

/** The directory contract through the cache, interactions written through its invalidating log as the server does. */
class CachingInMemoryCustomerDirectoryTest extends CustomerDirectoryContract {
    private CachingCustomerDirectory directory;
    private InteractionLog history;

    @BeforeEach
    void fresh() {
        InMemoryInteractionLog log = new InMemoryInteractionLog();
        directory = new CachingCustomerDirectory(new InMemoryCustomerDirectory(log));
        history = directory.invalidating(log);
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

package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.LiveCallStoreContract;
import org.opencti.core.cluster.LiveCallStore;

class InMemoryLiveCallStoreTest extends LiveCallStoreContract {
    private final InMemoryLiveCallStore store = new InMemoryLiveCallStore();

    @Override
    protected LiveCallStore store() {
        return store;
    }
}

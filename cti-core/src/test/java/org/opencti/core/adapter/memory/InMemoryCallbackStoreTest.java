package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.CallbackStoreContract;
import org.opencti.core.port.CallbackStore;
import org.opencti.core.port.DeskDefaults;

class InMemoryCallbackStoreTest extends CallbackStoreContract {
    private final InMemoryCallbackStore store = new InMemoryCallbackStore();
    private final InMemoryDeskDefaults defaults = new InMemoryDeskDefaults();

    @Override
    protected CallbackStore store() {
        return store;
    }

    @Override
    protected DeskDefaults defaults() {
        return defaults;
    }
}

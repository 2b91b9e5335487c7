package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.ScheduledCallbackStoreContract;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.port.DeskDefaults;

class InMemoryScheduledCallbackStoreTest extends ScheduledCallbackStoreContract {
    private final InMemoryScheduledCallbackStore store = new InMemoryScheduledCallbackStore();
    private final InMemoryDeskDefaults defaults = new InMemoryDeskDefaults();

    @Override
    protected ScheduledCallbackStore store() {
        return store;
    }

    @Override
    protected DeskDefaults defaults() {
        return defaults;
    }
}

package org.opencti.core.adapter.memory;

import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.AgentStateStoreContract;
import org.opencti.core.port.AgentStateStore;

class InMemoryAgentStateStoreTest extends AgentStateStoreContract {
    private InMemoryAgentStateStore store;

    @BeforeEach
    void fresh() {
        store = new InMemoryAgentStateStore();
    }

    @Override
    protected AgentStateStore store() {
        return store;
    }
}

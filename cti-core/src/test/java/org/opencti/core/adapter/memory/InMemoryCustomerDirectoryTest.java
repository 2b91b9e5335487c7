package org.opencti.core.adapter.memory;

import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.CustomerDirectoryContract;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

class InMemoryCustomerDirectoryTest extends CustomerDirectoryContract {
    private InMemoryInteractionLog history;
    private InMemoryCustomerDirectory directory;

    @BeforeEach
    void fresh() {
        history = new InMemoryInteractionLog();
        directory = new InMemoryCustomerDirectory(history);
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

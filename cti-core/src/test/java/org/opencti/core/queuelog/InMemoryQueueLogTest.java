package org.opencti.core.queuelog;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class InMemoryQueueLogTest extends QueueLogContract {
    private InMemoryQueueLog log;

    @BeforeEach
    void fresh() {
        log = new InMemoryQueueLog();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Override
    protected QueueLog log() {
        return log;
    }

    @Override
    protected List<QueueLogEntry> stored() {
        return log.entries();
    }

    @Override
    protected boolean writesReplaysOnce() {
        return false;
    }
}

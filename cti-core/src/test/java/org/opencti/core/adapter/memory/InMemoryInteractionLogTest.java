package org.opencti.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.InteractionLogContract;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

class InMemoryInteractionLogTest extends InteractionLogContract {
    private InMemoryInteractionLog log;
    private InMemoryCustomerDirectory directory;

    @BeforeEach
    void fresh() {
        log = new InMemoryInteractionLog();
        directory = new InMemoryCustomerDirectory(log);
    }

    @Override
    protected InteractionLog log() {
        return log;
    }

    @Override
    protected CustomerDirectory directory() {
        return directory;
    }

    @Override
    protected int storedInteractions() {
        return log.all().size();
    }

    @Test
    void allListsTheRecordsInTheOrderTheyWereWritten() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        InteractionRecord late = new InteractionRecord("b", null, null, null, null, null, t0.plusSeconds(9),
            null, t0.plusSeconds(10), "ANSWERED");
        InteractionRecord early = new InteractionRecord("a", null, null, null, null, null, t0, null,
            t0.plusSeconds(1), "ABANDONED");

        log.record(late);
        log.record(early);
        log.record(late);

        assertThat(log.all()).containsExactly(late, early);
    }
}

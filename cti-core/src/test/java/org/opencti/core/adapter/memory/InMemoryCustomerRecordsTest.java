package org.opencti.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.CustomerRecordsContract;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;

class InMemoryCustomerRecordsTest extends CustomerRecordsContract {
    private InMemoryInteractionLog log;

    @Override
    protected CustomerRecords emptyRecords() {
        log = new InMemoryInteractionLog();
        return new InMemoryCustomerDirectory(log);
    }

    @Override
    protected InteractionLog historyOf(CustomerRecords store) {
        return log;
    }

    @Test
    void erasureKeepsTheInteractionsWithoutCallerNumberOrNotes() {
        log.record(new InteractionRecord("call-1", alice.id(), "+12025550143", "voice", "billing", "2001", T0, T0, T0,
            "answered"));
        log.record(new InteractionRecord("call-0", null, "+12025550143", "voice", "billing", null, T0, null, T0,
            "abandoned"));
        records.addNote(alice.id(), "Lives at 1 Main St", ADA);

        records.erase(alice.id(), ADA);

        List<InteractionRecord> kept = log.all();
        assertThat(kept).hasSize(3);
        assertThat(kept).allSatisfy(r -> {
            assertThat(r.callerNumber()).isNull();
            assertThat(r.notes()).isNull();
        });
        assertThat(kept).extracting(InteractionRecord::outcome).containsExactly("answered", "abandoned", "note");
    }
}

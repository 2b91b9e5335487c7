package org.opencti.acd;

import java.util.ArrayList;
import java.util.List;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.InteractionLog;

/** An interaction log that keeps what it is handed, in order: rows in {@code records}, after-call work in {@code wrapUps}. */
final class ListHistory implements InteractionLog {
    final List<InteractionRecord> records;
    final List<WrapUpRecord> wrapUps = new ArrayList<>();
    /** Rows and updates as handed over: "record KEY" or "wrapUp KEY". */
    final List<String> order = new ArrayList<>();

    ListHistory(List<InteractionRecord> records) {
        this.records = records;
    }

    ListHistory() {
        this(new ArrayList<>());
    }

    @Override
    public synchronized boolean record(InteractionRecord interaction) {
        records.add(interaction);
        order.add("record " + interaction.key());
        return true;
    }

    @Override
    public synchronized boolean wrapUp(WrapUpRecord wrapUp) {
        wrapUps.add(wrapUp);
        order.add("wrapUp " + wrapUp.key());
        return true;
    }
}

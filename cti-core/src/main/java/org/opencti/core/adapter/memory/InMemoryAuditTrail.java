package org.opencti.core.adapter.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.DncEntry;

/** The audit trail and the do-not-call list of {@link InMemoryCustomerDirectory}; guarded by the directory's lock. */
final class InMemoryAuditTrail {
    private final Map<Long, List<AuditEntry>> byCustomer = new HashMap<>();
    private final Map<String, DncEntry> doNotCall = new HashMap<>();
    private long lastId;

    void record(long customerId, AuditEntry.Action action, List<String> fields, Actor actor) {
        byCustomer.computeIfAbsent(customerId, c -> new ArrayList<>())
            .add(new AuditEntry(++lastId, customerId, action, fields, actor.userId(), actor.at()));
    }

    List<AuditEntry> read(long customerId, int limit, int offset) {
        return byCustomer.getOrDefault(customerId, List.of()).stream().skip(offset).limit(limit).toList();
    }

    /** Lists the number unless it is listed already (the first entry stands, as in PostgreSQL). */
    void addDoNotCall(String e164, String source, Actor actor) {
        doNotCall.putIfAbsent(e164, new DncEntry(e164, source, actor.at(), actor.userId()));
    }

    Optional<DncEntry> doNotCall(String e164) {
        return Optional.ofNullable(doNotCall.get(e164));
    }
}

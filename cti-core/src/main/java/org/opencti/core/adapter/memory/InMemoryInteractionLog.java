package org.opencti.core.adapter.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.port.InteractionLog;

/** The interaction history in memory: idempotent on the key, like the PostgreSQL log. Thread-safe. */
public final class InMemoryInteractionLog implements InteractionLog {
    /** Newest first; ties broken by key, descending, as the PostgreSQL adapter does. */
    static final Comparator<InteractionRecord> NEWEST_FIRST = Comparator
        .comparing(InteractionRecord::startedAt)
        .thenComparing(InteractionRecord::key)
        .reversed();

    private final Object lock = new Object();
    private final Map<String, InteractionRecord> byKey = new LinkedHashMap<>();

    @Override
    public boolean record(InteractionRecord interaction) {
        Objects.requireNonNull(interaction, "interaction");
        if (interaction.key().isBlank()) {
            throw new IllegalArgumentException("interaction key must not be blank");
        }
        synchronized (lock) {
            return byKey.putIfAbsent(interaction.key(), interaction) == null;
        }
    }

    /** Blanks the caller number and notes of the customer's interactions and of any from these numbers (erasure). */
    public void anonymise(long customerId, Collection<String> numbers) {
        synchronized (lock) {
            byKey.replaceAll((key, r) -> (r.customerId() != null && r.customerId() == customerId)
                || (r.callerNumber() != null && numbers.contains(r.callerNumber())) ? r.anonymised() : r);
        }
    }

    /** Every record written, in the order they were written. */
    public List<InteractionRecord> all() {
        synchronized (lock) {
            return List.copyOf(byKey.values());
        }
    }

    /**
     * The customer's most recent interactions, newest first, at most {@code limit}. The summary's disposition is
     * the record's outcome (records carry no separate disposition yet).
     */
    public List<InteractionSummary> recentFor(long customerId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<InteractionRecord> mine = new ArrayList<>();
        synchronized (lock) {
            for (InteractionRecord r : byKey.values()) {
                if (r.customerId() != null && r.customerId() == customerId) {
                    mine.add(r);
                }
            }
        }
        return mine.stream()
            .sorted(NEWEST_FIRST)
            .limit(limit)
            .map(r -> new InteractionSummary(r.startedAt(), r.channel(), r.queue(), r.agentId(), r.outcome(), r.notes()))
            .toList();
    }
}

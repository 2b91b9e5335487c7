package org.opencti.core.adapter.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.WrapUpRecord;
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
    /** Keys of the interactions an erasure blanked. */
    private final Set<String> anonymised = new HashSet<>();

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

    @Override
    public boolean wrapUp(WrapUpRecord wrapUp) {
        Objects.requireNonNull(wrapUp, "wrapUp");
        synchronized (lock) {
            InteractionRecord stored = byKey.get(wrapUp.key());
            if (stored == null) {
                return false;
            }
            // an anonymised row (its customer erased) takes no notes: they would point at the person again
            boolean erased = anonymised.contains(wrapUp.key());
            byKey.put(wrapUp.key(), stored.with(erased ? new WrapUpRecord(wrapUp.key(), wrapUp.customerId(),
                wrapUp.wrapUpSeconds(), wrapUp.disposition(), null) : wrapUp));
            return true;
        }
    }

    /** Blanks the caller number and notes of the customer's interactions and of any from these numbers (erasure). */
    public void anonymise(long customerId, Collection<String> numbers) {
        synchronized (lock) {
            byKey.replaceAll((key, r) -> {
                boolean theirs = (r.customerId() != null && r.customerId() == customerId)
                    || (r.callerNumber() != null && numbers.contains(r.callerNumber()));
                if (theirs) {
                    anonymised.add(key);
                }
                return theirs ? r.anonymised() : r;
            });
        }
    }

    /** Every record written, in the order they were written. */
    public List<InteractionRecord> all() {
        synchronized (lock) {
            return List.copyOf(byKey.values());
        }
    }

    /**
     * The customer's most recent interactions, newest first, at most {@code limit}. The summary's disposition is the
     * one the agent chose, else the record's outcome (as the PostgreSQL adapter reads it).
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
            .map(InteractionRecord::summary)
            .toList();
    }
}

package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.opencti.core.customer.DncEntry;

/**
 * The in-memory twin of {@link PostgresDncLists}. In PostgreSQL an erasure writes {@code dnc_numbers} itself; in memory
 * the customer store keeps its erasures apart, so they are read through {@code customerEntries} and count as internal
 * entries (protected, as erasures are).
 */
public final class InMemoryDncLists implements DncLists {
    private final Function<String, Optional<DncEntry>> customerEntries;
    private final Map<String, DncStatus.Internal> internal = new HashMap<>();
    private final Map<Long, Set<String>> campaigns = new HashMap<>();
    /** Register name to its numbers; a number may be on several registers. */
    private final Map<String, Set<String>> national = new TreeMap<>();
    private final Map<String, Instant> imported = new HashMap<>();
    private final List<DncChange> trail = new ArrayList<>();

    public InMemoryDncLists() {
        this(e164 -> Optional.empty());
    }

    /** With the do-not-call entries the in-memory customer store made when it erased customers. */
    public InMemoryDncLists(Function<String, Optional<DncEntry>> customerEntries) {
        this.customerEntries = customerEntries;
    }

    private DncStatus.Internal internal(String e164) {
        DncStatus.Internal own = internal.get(e164);
        if (own != null) {
            return own;
        }
        return customerEntries.apply(e164).map(e -> new DncStatus.Internal(e.source(), null, e.addedBy(), e.addedAt())).orElse(null);
    }

    @Override
    public synchronized Optional<Hit> find(long campaignId, String e164) {
        DncStatus.Internal entry = internal(e164);
        if (entry != null) {
            return Optional.of(new Hit(DncList.INTERNAL, entry.source()));
        }
        if (campaigns.getOrDefault(campaignId, Set.of()).contains(e164)) {
            return Optional.of(new Hit(DncList.CAMPAIGN, "campaign " + campaignId));
        }
        return registersOf(e164).stream().findFirst().map(n -> new Hit(DncList.NATIONAL, n.registry()));
    }

    @Override
    public synchronized DncStatus status(String e164) {
        E164s.check(e164);
        List<Long> lists = campaigns.entrySet().stream().filter(e -> e.getValue().contains(e164)).map(Map.Entry::getKey).sorted()
            .toList();
        return new DncStatus(e164, internal(e164), registersOf(e164), lists,
            trail.stream().filter(c -> e164.equals(c.e164())).toList());
    }

    private List<DncStatus.National> registersOf(String e164) {
        return national.entrySet().stream().filter(e -> e.getValue().contains(e164))
            .map(e -> new DncStatus.National(e.getKey(), imported.get(e.getKey()))).toList();
    }

    @Override
    public synchronized boolean addInternal(String e164, String source, String addedBy, String reason, Instant at) {
        E164s.check(e164);
        DncLists.checkSource(source);
        DncLists.checkActor(addedBy);
        String why = DncLists.checkReason(reason);
        if (internal(e164) != null) {
            return false;
        }
        internal.put(e164, new DncStatus.Internal(source, why, addedBy, at));
        audit(DncChange.Action.ADDED, e164, null, source, why, null, addedBy, at);
        return true;
    }

    @Override
    public synchronized boolean removeInternal(String e164, String removedBy, String reason, Instant at) {
        E164s.check(e164);
        DncLists.checkActor(removedBy);
        String why = DncLists.checkReason(reason);
        DncStatus.Internal entry = internal(e164);
        if (entry == null) {
            return false;
        }
        if (PROTECTED_SOURCES.contains(entry.source())) {
            throw new ProtectedEntryException(e164, entry.source());
        }
        internal.remove(e164);
        audit(DncChange.Action.REMOVED, e164, null, entry.source(), why, null, removedBy, at);
        return true;
    }

    @Override
    public synchronized boolean addToCampaign(long campaignId, String e164, String addedBy, Instant at) {
        E164s.check(e164);
        DncLists.checkActor(addedBy);
        if (!campaigns.computeIfAbsent(campaignId, c -> new TreeSet<>()).add(e164)) {
            return false;
        }
        audit(DncChange.Action.CAMPAIGN_ADDED, e164, campaignId, null, null, null, addedBy, at);
        return true;
    }

    @Override
    public synchronized int importNational(String registry, Collection<String> e164s, String importedBy, Instant at) {
        DncLists.checkRegistry(registry);
        DncLists.checkActor(importedBy);
        Set<String> unique = new LinkedHashSet<>(e164s);
        unique.forEach(E164s::check);
        national.put(registry, unique);
        imported.put(registry, at);
        int now = unique.size();
        audit(DncChange.Action.NATIONAL_IMPORTED, null, null, registry, null, now, importedBy, at);
        return now;
    }

    private void audit(DncChange.Action action, String e164, Long campaignId, String source, String reason, Integer numbers,
                       String by, Instant at) {
        trail.add(new DncChange(trail.size() + 1, action, e164, campaignId, source, reason, numbers, by, at));
    }
}

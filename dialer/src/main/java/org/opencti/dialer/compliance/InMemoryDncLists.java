package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of {@link PostgresDncLists}. */
public final class InMemoryDncLists implements DncLists {
    private final Map<String, String> internal = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> campaigns = new ConcurrentHashMap<>();
    private final Map<String, String> national = new ConcurrentHashMap<>();

    @Override
    public Optional<Hit> find(long campaignId, String e164) {
        if (internal.containsKey(e164)) {
            return Optional.of(new Hit(DncList.INTERNAL, internal.get(e164)));
        }
        if (campaigns.getOrDefault(campaignId, Set.of()).contains(e164)) {
            return Optional.of(new Hit(DncList.CAMPAIGN, "campaign " + campaignId));
        }
        return Optional.ofNullable(national.get(e164)).map(registry -> new Hit(DncList.NATIONAL, registry));
    }

    @Override
    public void addInternal(String e164, String source, String addedBy, Instant at) {
        internal.putIfAbsent(E164s.check(e164), DncLists.checkSource(source));
    }

    @Override
    public void addToCampaign(long campaignId, String e164, Instant at) {
        campaigns.computeIfAbsent(campaignId, c -> ConcurrentHashMap.newKeySet()).add(E164s.check(e164));
    }

    @Override
    public synchronized int importNational(String registry, Collection<String> e164s, Instant at) {
        e164s.forEach(E164s::check);
        national.values().removeIf(registry::equals);
        e164s.forEach(n -> national.put(n, registry));
        return (int) national.values().stream().filter(registry::equals).count();
    }
}

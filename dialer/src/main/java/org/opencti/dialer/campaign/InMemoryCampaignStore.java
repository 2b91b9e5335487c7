package org.opencti.dialer.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory twin of {@link PostgresCampaignStore}, for the demo and unit tests. */
public final class InMemoryCampaignStore implements CampaignStore {
    private final Map<Long, Campaign> campaigns = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Campaign save(Campaign campaign) {
        for (Campaign other : campaigns.values()) {
            if (other.id() != campaign.id() && other.name().equals(campaign.name())) {
                throw new IllegalArgumentException("campaign name " + campaign.name() + " is already taken");
            }
        }
        Campaign stored;
        if (campaign.id() == 0) {
            stored = campaign.withId(ids.incrementAndGet());
        } else if (campaigns.containsKey(campaign.id())) {
            stored = campaign;
        } else {
            throw new IllegalArgumentException("no campaign with id " + campaign.id());
        }
        campaigns.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    @Override
    public List<Campaign> all() {
        return campaigns.values().stream().sorted(Comparator.comparing(Campaign::name)).toList();
    }
}

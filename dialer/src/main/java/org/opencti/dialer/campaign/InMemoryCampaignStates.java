package org.opencti.dialer.campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** The in-memory twin of {@link PostgresCampaignStates}: the campaigns are the given store's, the states kept here. */
public final class InMemoryCampaignStates implements CampaignStates {
    private final CampaignStore campaigns;
    private final Map<Long, Status> changed = new HashMap<>();

    public InMemoryCampaignStates(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public synchronized Optional<Status> status(long campaignId) {
        return campaigns.find(campaignId).map(c -> statusOf(campaignId));
    }

    private Status statusOf(long campaignId) {
        return changed.getOrDefault(campaignId, new Status(campaignId, CampaignState.DRAFT, null, null));
    }

    @Override
    public synchronized Map<Long, Status> all() {
        Map<Long, Status> out = new HashMap<>();
        campaigns.all().forEach(c -> out.put(c.id(), statusOf(c.id())));
        return out;
    }

    @Override
    public synchronized Status move(long campaignId, Set<CampaignState> from, CampaignState to, String by, Instant at) {
        Status now = status(campaignId).orElseThrow(() -> new NoSuchElementException("no campaign " + campaignId));
        if (!from.contains(now.state())) {
            throw new IllegalStateException("campaign " + campaignId + " is " + now.state().word() + ", so it cannot become "
                + to.word());
        }
        changed.put(campaignId, new Status(campaignId, to, at, by));
        return now;
    }
}

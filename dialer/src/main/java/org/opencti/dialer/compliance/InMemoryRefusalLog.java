package org.opencti.dialer.compliance;

import java.util.ArrayList;
import java.util.List;

/** The in-memory twin of {@link PostgresRefusalLog}. */
public final class InMemoryRefusalLog implements RefusalLog {
    private final List<DialRefusal> refusals = new ArrayList<>();

    @Override
    public synchronized void record(DialRefusal refusal) {
        refusals.add(refusal);
    }

    @Override
    public synchronized List<DialRefusal> recent(long campaignId, int limit) {
        List<DialRefusal> mine = new ArrayList<>(refusals.stream().filter(r -> r.campaignId() == campaignId).toList());
        java.util.Collections.reverse(mine);
        return List.copyOf(mine.subList(0, Math.min(limit, mine.size())));
    }
}

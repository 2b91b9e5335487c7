package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The in-memory twin of {@link PostgresRefusalLog}. */
public final class InMemoryRefusalLog implements RefusalLog {
    private final List<Recorded> refusals = new ArrayList<>();

    @Override
    public synchronized void record(DialRefusal refusal) {
        refusals.add(new Recorded(refusals.size() + 1, refusal));
    }

    @Override
    public synchronized List<DialRefusal> recent(long campaignId, int limit) {
        List<DialRefusal> mine = new ArrayList<>(refusals.stream().map(Recorded::refusal).filter(r -> r.campaignId() == campaignId)
            .toList());
        Collections.reverse(mine);
        return List.copyOf(mine.subList(0, Math.min(limit, mine.size())));
    }

    @Override
    public synchronized LogPage<Recorded> refusals(long campaignId, Instant from, Instant to, RefusalReason reason,
                                                   LogPage.Cursor after, int limit) {
        LogPage.checkRange(from, to);
        LogPage.checkLimit(limit);
        List<Recorded> rows = refusals.stream().filter(r -> within(r.refusal(), campaignId, from, to))
            .filter(r -> reason == null || r.refusal().reason() == reason)
            .filter(r -> after == null || r.refusal().at().isAfter(after.at())
                || r.refusal().at().equals(after.at()) && r.id() > after.id())
            .sorted(Comparator.comparing((Recorded r) -> r.refusal().at()).thenComparingLong(Recorded::id))
            .limit(limit + 1L).toList();
        if (rows.size() <= limit) {
            return new LogPage<>(rows, null);
        }
        Recorded last = rows.get(limit - 1);
        return new LogPage<>(rows.subList(0, limit), new LogPage.Cursor(last.refusal().at(), last.id()));
    }

    @Override
    public synchronized Map<RefusalReason, Long> countByReason(long campaignId, Instant from, Instant to) {
        LogPage.checkRange(from, to);
        Map<RefusalReason, Long> counts = new EnumMap<>(RefusalReason.class);
        refusals.stream().filter(r -> within(r.refusal(), campaignId, from, to))
            .forEach(r -> counts.merge(r.refusal().reason(), 1L, Long::sum));
        return counts;
    }

    private static boolean within(DialRefusal r, long campaignId, Instant from, Instant to) {
        return r.campaignId() == campaignId && !r.at().isBefore(from) && r.at().isBefore(to);
    }
}

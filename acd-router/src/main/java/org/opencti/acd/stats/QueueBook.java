package org.opencti.acd.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** One queue's tallies, whole and per tier, and its waiting calls oldest first. */
final class QueueBook {
    private static final Comparator<LiveCall> OLDEST_FIRST =
        Comparator.comparing((LiveCall c) -> c.enteredAt).thenComparing(c -> c.id);

    private final int windowMinutes;
    private final Tally total;
    private final Map<String, Tally> tiers = new HashMap<>();
    private final TreeSet<LiveCall> waiting = new TreeSet<>(OLDEST_FIRST);

    QueueBook(int windowMinutes) {
        this.windowMinutes = windowMinutes;
        this.total = new Tally(windowMinutes);
    }

    void record(String tier, Instant at, Consumer<Counts> change) {
        total.record(at, change);
        tiers.computeIfAbsent(tier, t -> new Tally(windowMinutes)).record(at, change);
    }

    void startWaiting(LiveCall call) {
        waiting.add(call);
    }

    void stopWaiting(LiveCall call) {
        waiting.remove(call);
    }

    /** The rolling window if it has handled calls, else today: a quiet half hour should not erase what we know. */
    Figures recentFigures(Instant now) {
        Figures recent = total.window(now);
        return recent.handled() > 0 ? recent : total.today();
    }

    void startNewDay() {
        total.startNewDay();
        tiers.values().forEach(Tally::startNewDay);
    }

    QueueSnapshot snapshot(String queue, Instant now, ServiceLevelPolicy policy, Map<String, Integer> agentsByState) {
        Map<String, Integer> waitingByTier = new HashMap<>();
        Map<String, Instant> oldestByTier = new HashMap<>();
        for (LiveCall c : waiting) {
            waitingByTier.merge(c.tier, 1, Integer::sum);
            // Oldest first, so the first call seen of a tier has its longest wait.
            oldestByTier.putIfAbsent(c.tier, c.enteredAt);
        }
        Set<String> tierNames = new TreeSet<>(policy.configuredTiers());
        tierNames.addAll(tiers.keySet());
        Map<String, TierSnapshot> byTier = new TreeMap<>();
        for (String tier : tierNames) {
            Tally tally = tiers.get(tier);
            Figures window = tally != null ? tally.window(now) : Tally.EMPTY;
            Figures today = tally != null ? tally.today() : Tally.EMPTY;
            double percent = policy.targetPercent(tier);
            boolean met = window.serviceLevelPercent().isEmpty() || window.serviceLevelPercent().getAsDouble() >= percent;
            byTier.put(tier, new TierSnapshot(tier, policy.target(tier), percent, waitingByTier.getOrDefault(tier, 0),
                waitedSince(oldestByTier.get(tier), now), window, today, met));
        }
        Instant oldest = waiting.isEmpty() ? null : waiting.first().enteredAt;
        return new QueueSnapshot(queue, now, waiting.size(), waitedSince(oldest, now), total.window(now), total.today(),
            agentsByState, byTier);
    }

    private static Duration waitedSince(Instant since, Instant now) {
        if (since == null || now.isBefore(since)) {
            return Duration.ZERO;
        }
        return Duration.between(since, now);
    }
}

package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencti.dialer.campaign.CallOutcome;

/** The in-memory twin of {@link PostgresAttemptLog}. */
public final class InMemoryAttemptLog implements AttemptLog {
    private final Map<Long, DialAttempt> attempts = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized long started(DialAttempt a) {
        E164s.check(a.e164());
        long id = next++;
        attempts.put(id, new DialAttempt(id, a.campaignId(), a.leadId(), a.e164(), a.customerId(), a.agentId(), a.startedAt(), null,
            null, null));
        return id;
    }

    @Override
    public synchronized void ended(long attemptId, CallOutcome outcome) {
        DialAttempt a = get(attemptId);
        attempts.put(attemptId, new DialAttempt(a.id(), a.campaignId(), a.leadId(), a.e164(), a.customerId(), a.agentId(), a.startedAt(),
            Objects.requireNonNull(outcome, "outcome"), a.disposition(), a.dispositionValue()));
    }

    @Override
    public synchronized void disposed(long attemptId, String code, BigDecimal value, String agentId) {
        DialAttempt a = get(attemptId);
        attempts.put(attemptId, new DialAttempt(a.id(), a.campaignId(), a.leadId(), a.e164(), a.customerId(),
            agentId == null ? a.agentId() : agentId, a.startedAt(), a.outcome(), code, value));
    }

    private DialAttempt get(long attemptId) {
        DialAttempt a = attempts.get(attemptId);
        if (a == null) {
            throw new IllegalArgumentException("no dial attempt " + attemptId);
        }
        return a;
    }

    @Override
    public synchronized Optional<DialAttempt> find(long attemptId) {
        return Optional.ofNullable(attempts.get(attemptId));
    }

    @Override
    public synchronized LogPage<DialAttempt> attempts(long campaignId, Instant from, Instant to, LogPage.Cursor after, int limit) {
        LogPage.checkRange(from, to);
        LogPage.checkLimit(limit);
        List<DialAttempt> rows = attempts.values().stream()
            .filter(a -> a.campaignId() == campaignId && !a.startedAt().isBefore(from) && a.startedAt().isBefore(to))
            .filter(a -> after == null || a.startedAt().isAfter(after.at()) || a.startedAt().equals(after.at()) && a.id() > after.id())
            .sorted(Comparator.comparing(DialAttempt::startedAt).thenComparingLong(DialAttempt::id))
            .limit(limit + 1L).toList();
        if (rows.size() <= limit) {
            return new LogPage<>(rows, null);
        }
        DialAttempt last = rows.get(limit - 1);
        return new LogPage<>(rows.subList(0, limit), new LogPage.Cursor(last.startedAt(), last.id()));
    }

    @Override
    public synchronized int attemptsToNumber(String e164, Instant since) {
        return (int) attempts.values().stream().filter(a -> a.e164().equals(e164) && a.startedAt().isAfter(since)).count();
    }

    @Override
    public synchronized int attemptsToCustomer(long customerId, Instant since) {
        return (int) attempts.values().stream()
            .filter(a -> a.customerId() != null && a.customerId() == customerId && a.startedAt().isAfter(since)).count();
    }

    @Override
    public synchronized Optional<Instant> lastAbandoned(String e164, Instant since) {
        return attempts.values().stream()
            .filter(a -> a.e164().equals(e164) && a.outcome() == CallOutcome.ABANDONED && a.startedAt().isAfter(since))
            .map(DialAttempt::startedAt).max(Instant::compareTo);
    }
}

package org.opencti.dialer.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The in-memory twin of {@link PostgresLeadStore} (one node: a lock stands in for row locks). */
public final class InMemoryLeadStore implements LeadStore {
    private final Map<Long, Lead> leads = new LinkedHashMap<>();
    private final Map<Long, ListStatus> lists = new LinkedHashMap<>();
    private long nextLead = 1;
    private long nextList = 1;

    @Override
    public synchronized Loaded addList(long campaignId, String name, List<NewLead> newLeads, int rejectedRows, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("list name must not be blank");
        }
        long listId = nextList++;
        lists.put(listId, new ListStatus(listId, campaignId, name, 0, 0, 0, 0, null));
        Set<String> taken = existingNumbers(campaignId, numbers(newLeads));
        Set<String> loaded = new HashSet<>();
        for (NewLead n : newLeads) {
            if (!taken.contains(n.e164()) && loaded.add(n.e164())) {
                long id = nextLead++;
                leads.put(id, new Lead(id, listId, campaignId, n.e164(), n.firstName(), n.lastName(), n.timeZone(), n.priority(),
                    n.preferredTime(), n.externalId(), n.customerId(), LeadStatus.NEW, 0, null, null, null));
            }
        }
        return new Loaded(listId, loaded);
    }

    private static Set<String> numbers(List<NewLead> newLeads) {
        Set<String> numbers = new HashSet<>();
        newLeads.forEach(n -> numbers.add(n.e164()));
        return numbers;
    }

    @Override
    public synchronized Set<String> existingNumbers(long campaignId, Set<String> e164s) {
        Set<String> found = new HashSet<>();
        for (Lead lead : leads.values()) {
            if (lead.campaignId() == campaignId && e164s.contains(lead.e164())) {
                found.add(lead.e164());
            }
        }
        return found;
    }

    @Override
    public synchronized List<Lead> claim(long campaignId, String nodeId, int max, Instant now, Duration lease) {
        List<Lead> dialable = leads.values().stream().filter(l -> l.campaignId() == campaignId && dialable(l, now))
            .sorted(Comparator.comparingInt(Lead::priority).reversed().thenComparingLong(Lead::id)).limit(max).toList();
        List<Lead> claimed = new ArrayList<>();
        for (Lead l : dialable) {
            Lead mine = new Lead(l.id(), l.listId(), l.campaignId(), l.e164(), l.firstName(), l.lastName(), l.timeZone(), l.priority(),
                l.preferredTime(), l.externalId(), l.customerId(), LeadStatus.IN_PROGRESS, l.attempts(), l.nextAttemptAt(), nodeId,
                now.plus(lease));
            leads.put(l.id(), mine);
            claimed.add(mine);
        }
        return claimed;
    }

    static boolean dialable(Lead l, Instant now) {
        return switch (l.status()) {
            case NEW, RETRY -> l.nextAttemptAt() == null || !l.nextAttemptAt().isAfter(now);
            case IN_PROGRESS -> l.leaseUntil().isBefore(now);
            default -> false;
        };
    }

    @Override
    public synchronized void finish(long leadId, String nodeId, boolean attempted, Instant nextAttemptAt) {
        Lead l = leads.get(leadId);
        if (l == null || l.status() != LeadStatus.IN_PROGRESS || !nodeId.equals(l.claimedBy())) {
            throw new IllegalStateException("lead " + leadId + " is not claimed by " + nodeId + " (its lease ran out?)");
        }
        LeadStatus status = nextAttemptAt == null ? LeadStatus.DONE : l.attempts() == 0 && !attempted ? LeadStatus.NEW : LeadStatus.RETRY;
        leads.put(leadId, new Lead(l.id(), l.listId(), l.campaignId(), l.e164(), l.firstName(), l.lastName(), l.timeZone(), l.priority(),
            l.preferredTime(), l.externalId(), l.customerId(), status, l.attempts() + (attempted ? 1 : 0), nextAttemptAt, null, null));
    }

    @Override
    public synchronized Optional<Lead> find(long leadId) {
        return Optional.ofNullable(leads.get(leadId));
    }

    @Override
    public synchronized Optional<ListStatus> listStatus(long listId) {
        ListStatus list = lists.get(listId);
        if (list == null) {
            return Optional.empty();
        }
        int total = 0;
        int dialable = 0;
        int inProgress = 0;
        int done = 0;
        for (Lead l : leads.values()) {
            if (l.listId() == listId) {
                total++;
                switch (l.status()) {
                    case NEW, RETRY -> dialable++;
                    case IN_PROGRESS -> inProgress++;
                    default -> done++;
                }
            }
        }
        return Optional.of(new ListStatus(listId, list.campaignId(), list.name(), total, dialable, inProgress, done, list.lowSince()));
    }

    @Override
    public synchronized List<ListStatus> listsOf(long campaignId) {
        return lists.values().stream().filter(l -> l.campaignId() == campaignId).map(l -> listStatus(l.listId()).orElseThrow()).toList();
    }

    @Override
    public synchronized int attemptedLeads(long campaignId) {
        return (int) leads.values().stream().filter(l -> l.campaignId() == campaignId && l.attempts() > 0).count();
    }

    @Override
    public synchronized boolean markLow(long listId, Instant at) {
        ListStatus list = lists.get(listId);
        if (list == null) {
            throw new IllegalArgumentException("no lead list " + listId);
        }
        if (list.lowSince() != null) {
            return false;
        }
        lists.put(listId, new ListStatus(listId, list.campaignId(), list.name(), 0, 0, 0, 0, at));
        return true;
    }
}

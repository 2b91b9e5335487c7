package org.opencti.acd.overflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A queue's overflow rules, in order; the first rule that applies and holds wins, and none means
 * {@link OverflowAction#STAY}. Because the first match wins, list longer waits before shorter ones
 * (MaxWait 5 min to voicemail, then MaxWait 2 min offer a callback). Immutable and pure.
 *
 * <p>MaxWait is time-driven: {@link #nextCheckAt} gives the ACD one timer per call. NoAgentsLoggedIn and Closed
 * change on events, so the ACD calls {@link #onWait} for the queue's waiting calls when the last agent logs out
 * and when the calendar's next change comes.
 */
public final class OverflowRules {
    public static final OverflowRules NONE = new OverflowRules(List.of());

    private final List<OverflowRule> rules;

    public OverflowRules(List<OverflowRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<OverflowRule> rules() {
        return rules;
    }

    /** For a call entering the queue: MaxQueueLength, NoAgentsLoggedIn and Closed. */
    public OverflowAction onArrival(QueueSituation situation) {
        return firstMatch(situation, Condition::checkedOnArrival);
    }

    /** For a call already waiting: MaxWait, NoAgentsLoggedIn and Closed. */
    public OverflowAction onWait(QueueSituation situation) {
        return firstMatch(situation, Condition::checkedWhileWaiting);
    }

    /** The earliest MaxWait deadline for a call that entered at {@code enteredAt}. */
    public Optional<Instant> nextCheckAt(Instant enteredAt) {
        return nextCheckAt(enteredAt, Instant.MIN);
    }

    /** The earliest MaxWait deadline strictly after {@code after}: the next timer once a check said Stay. */
    public Optional<Instant> nextCheckAt(Instant enteredAt, Instant after) {
        Instant next = null;
        for (OverflowRule r : rules) {
            if (r.condition() instanceof Condition.MaxWait) {
                Instant deadline = enteredAt.plus(((Condition.MaxWait) r.condition()).limit());
                if (deadline.isAfter(after) && (next == null || deadline.isBefore(next))) {
                    next = deadline;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** The queues these rules can send a call to. */
    public Set<String> targetQueues() {
        Set<String> targets = new TreeSet<>();
        for (OverflowRule r : rules) {
            if (r.action() instanceof OverflowAction.ToQueue) {
                targets.add(((OverflowAction.ToQueue) r.action()).queue());
            }
        }
        return targets;
    }

    /**
     * Problems with a contact centre's overflow rules, in a stable order, empty if none: rules for an unknown
     * queue, targets that are unknown, a queue overflowing to itself, and loops across queues
     * ("overflow loop: billing -> support -> billing"), which would bounce a caller between queues for ever.
     */
    public static List<String> validate(Map<String, OverflowRules> byQueue, Set<String> knownQueues) {
        return OverflowGraph.problems(byQueue, knownQueues);
    }

    private OverflowAction firstMatch(QueueSituation situation, Predicate<Condition> applies) {
        for (OverflowRule r : rules) {
            if (applies.test(r.condition()) && r.condition().holds(situation)) {
                return r.action();
            }
        }
        return OverflowAction.STAY;
    }

    @Override
    public String toString() {
        return "OverflowRules" + rules;
    }
}

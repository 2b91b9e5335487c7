package org.opencti.acd.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one queue routes.
 *
 * @param steps         requirement steps, the first at {@link Duration#ZERO}, then strictly later; a call moves to a
 *                      step once it has waited that long, keeping its place in line
 * @param ownerFirstFor while a call has waited less than this, only the caller's account manager may take it, if that
 *                      agent is logged in to this queue (whatever their skills: the relationship is the qualification);
 *                      then the pool. Null: no relationship routing
 */
public record QueueRules(String name, List<RequirementStep> steps, AgentSelection selection, Duration ownerFirstFor,
                         PriorityWeights weights) {
    /** Steps are tracked in an int bit set per agent and queue. */
    public static final int MAX_STEPS = 31;

    public QueueRules {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a queue needs a name");
        }
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("queue " + name + ": needs at least one requirement step");
        }
        steps = List.copyOf(steps);
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("queue " + name + ": at most " + MAX_STEPS + " requirement steps, not " + steps.size());
        }
        if (!steps.get(0).after().isZero()) {
            throw new IllegalArgumentException("queue " + name + ": the first requirement step must start at 0 s, not after "
                + steps.get(0).after());
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("queue " + name + ": requirement steps must start at increasing times, but step "
                    + i + " (after " + steps.get(i).after() + ") does not start after step " + (i - 1) + " (after "
                    + steps.get(i - 1).after() + ")");
            }
        }
        Objects.requireNonNull(selection, "queue " + name + ": selection");
        if (ownerFirstFor != null && (ownerFirstFor.isNegative() || ownerFirstFor.isZero())) {
            throw new IllegalArgumentException("queue " + name + ": ownerFirstFor must be positive or null (off), not " + ownerFirstFor);
        }
        Objects.requireNonNull(weights, "queue " + name + ": weights");
    }

    /** A queue with one step, no relationship routing and oldest-first order. */
    public static QueueRules simple(String name, AgentSelection selection, RequirementStep step) {
        return new QueueRules(name, List.of(step), selection, null, PriorityWeights.waitTimeOnly());
    }
}

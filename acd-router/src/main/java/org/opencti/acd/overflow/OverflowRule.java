package org.opencti.acd.overflow;

import java.util.Objects;

/** If {@code condition} holds, do {@code action}. */
public record OverflowRule(Condition condition, OverflowAction action) {
    public OverflowRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
    }
}

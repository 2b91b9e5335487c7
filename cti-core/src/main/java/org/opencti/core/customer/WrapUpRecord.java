package org.opencti.core.customer;

import java.util.Objects;

/**
 * What the agent's after-call work adds to an interaction already written at hangup: how long the wrap-up took (known
 * when it ends), and the disposition and notes the agent gave. A null field leaves the stored value as it is, so the
 * two updates (the agent's form, the end of the wrap-up) may come in either order. {@code customerId} is the
 * interaction's customer (null when unknown), so a cache of their profile can be dropped once the row changed.
 * Applying the same update twice changes nothing more: a replay is harmless.
 */
public record WrapUpRecord(String key, Long customerId, Long wrapUpSeconds, String disposition, String notes) {
    public WrapUpRecord {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("interaction key must not be blank");
        }
        if (wrapUpSeconds != null && wrapUpSeconds < 0) {
            throw new IllegalArgumentException("interaction " + key + ": negative wrap-up time " + wrapUpSeconds);
        }
        if (wrapUpSeconds == null && disposition == null && notes == null) {
            throw new IllegalArgumentException("interaction " + key + ": a wrap-up update must change something");
        }
    }

    /** The end of the wrap-up: its length only. */
    public static WrapUpRecord time(String key, Long customerId, long seconds) {
        return new WrapUpRecord(key, customerId, seconds, null, null);
    }
}

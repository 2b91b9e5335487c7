package org.opencti.core.customer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One change to a customer: what was done, to which fields, by whom and when. Field names only, never the values:
 * an erasure must leave no personal data behind, and the trail is kept after it.
 */
public record AuditEntry(long id, long customerId, Action action, List<String> fields, String by, Instant at) {
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        fields = List.copyOf(fields);
    }

    public enum Action {
        CREATED, CONTACT_UPDATED, NOTE_ADDED, COMPLAINT_RECORDED, ERASED, PIN_SET, CONSENT_SET;

        /** As stored and spoken: "contact-updated". */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Action of(String word) {
            return Words.parse(Action.class, "action", word == null ? null : word.replace('-', '_'));
        }
    }
}

package org.opencti.core.port;

import org.opencti.core.customer.InteractionRecord;

/** The interaction history. Writing is idempotent on the record's key. May block. */
public interface InteractionLog {
    /** @return true when written now, false when a record with this key was already there */
    boolean record(InteractionRecord interaction);
}

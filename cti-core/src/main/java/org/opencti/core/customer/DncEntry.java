package org.opencti.core.customer;

import java.time.Instant;
import java.util.Objects;

/** A number on the do-not-call list: why it is there ({@code source}: erasure, request, ...), since when, by whom. */
public record DncEntry(String e164, String source, Instant addedAt, String addedBy) {
    public DncEntry {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(addedBy, "addedBy");
    }
}

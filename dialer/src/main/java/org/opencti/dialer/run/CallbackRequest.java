package org.opencti.dialer.run;

import java.time.Instant;
import java.util.Objects;

/** A callback agreed at wrap-up: when, and whether to the same agent ({@code toSameAgent}) or to any agent of the campaign. */
public record CallbackRequest(Instant dueAt, boolean toSameAgent) {
    public CallbackRequest {
        Objects.requireNonNull(dueAt, "callback dueAt");
    }
}

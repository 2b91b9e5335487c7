package org.opencti.core.port;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Originate a channel to {@code dialString} and, once answered, send it to context/exten/priority.
 * {@code reference} comes back in the result so the caller can match it.
 */
public record OriginateRequest(String reference, String dialString, String context, String exten, int priority,
                               String callerId, Duration timeout, Map<String, String> variables) {
    public OriginateRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(dialString, "dialString");
        variables = Map.copyOf(variables);
    }
}

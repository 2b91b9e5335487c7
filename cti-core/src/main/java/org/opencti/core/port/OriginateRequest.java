package org.opencti.core.port;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Originate a channel to {@code dialString} and, once answered, send it to context/exten/priority.
 * {@code reference} comes back in the result so the caller can match it.
 *
 * <p>{@code sameBoxAs}: a channel the new one will be bridged with (the caller, for an agent leg), or null. Asterisk
 * bridges only channels of one box, so a node with several boxes originates on that channel's box (and reaches a phone
 * homed on another box through the trunk between them); a single box ignores it.
 */
public record OriginateRequest(String reference, String dialString, String context, String exten, int priority,
                               String callerId, Duration timeout, Map<String, String> variables, String sameBoxAs) {
    public OriginateRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(dialString, "dialString");
        variables = Map.copyOf(variables);
    }

    /** An originate with no channel to be near: on the dialled phone's own box. */
    public OriginateRequest(String reference, String dialString, String context, String exten, int priority,
                            String callerId, Duration timeout, Map<String, String> variables) {
        this(reference, dialString, context, exten, priority, callerId, timeout, variables, null);
    }

    /** This originate, on the box of {@code channel} (null: no preference). */
    public OriginateRequest sameBoxAs(String channel) {
        return new OriginateRequest(reference, dialString, context, exten, priority, callerId, timeout, variables, channel);
    }

    /** This originate with another dial string (the trunk to the phone's box); everything else stays. */
    public OriginateRequest dialing(String otherDialString) {
        return new OriginateRequest(reference, otherDialString, context, exten, priority, callerId, timeout, variables, sameBoxAs);
    }
}

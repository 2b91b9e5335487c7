package org.opencti.acd;

import java.util.Locale;
import java.util.Objects;

/**
 * What an agent asks for when handing their caller on.
 *
 * @param kind   blind (the caller goes at once, the agent to wrap-up) or attended (the agent talks to the target
 *               first, with the caller on hold, then completes or cancels)
 * @param target a queue, an agent by id, or an outside number
 * @param note   what the agent tells the next one (shown with the pop, kept on the caller as CTI_TRANSFER_NOTE); may be null
 */
public record TransferRequest(Kind kind, Target target, String note) {
    public TransferRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    public enum Kind { BLIND, ATTENDED }

    /** Where the caller goes. */
    public record Target(Type type, String value) {
        public Target {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        public enum Type { QUEUE, AGENT, NUMBER }

        /** As written to the history: {@code queue:billing}, {@code agent:2002}, {@code number:+15550100}. */
        public String describe() {
            return type.name().toLowerCase(Locale.ROOT) + ":" + value;
        }
    }

    /** A request the ACD cannot carry out because of one of its fields (the REST API answers 400 naming it). */
    public static final class BadField extends IllegalArgumentException {
        private final String field;

        public BadField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}

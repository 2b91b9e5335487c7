package org.opencti.acd;

/**
 * Why the agent desk refused a request (a desk extension, a dial, a callback), naming the field at fault; the REST API
 * answers with the status the kind says and the same field and message.
 */
public final class DeskRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal: the HTTP status it becomes. */
    public enum Kind {
        /** The request is wrong (400). */
        INVALID(400),
        /** The request is fine but not allowed (403): a typed number without manual dialing, a do-not-call number. */
        FORBIDDEN(403),
        /** Nothing by that id (404). */
        NOT_FOUND(404),
        /** Not now (409): the agent is busy, the extension taken, the callback being made. */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String field;

    public DeskRefusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}

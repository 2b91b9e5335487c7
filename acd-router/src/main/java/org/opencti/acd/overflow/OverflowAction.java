package org.opencti.acd.overflow;

import java.util.Objects;

/** What the ACD does with a call when an overflow rule matches. */
public sealed interface OverflowAction
    permits OverflowAction.Stay, OverflowAction.ToQueue, OverflowAction.ToVoicemail, OverflowAction.OfferCallback {

    /** Keep waiting; also what a rule can say to stop later rules from applying. */
    OverflowAction STAY = new Stay();

    record Stay() implements OverflowAction {
    }

    /** Move the call to another queue; it keeps the instant it entered the first one. */
    record ToQueue(String queue) implements OverflowAction {
        public ToQueue {
            requireName(queue, "queue");
        }
    }

    record ToVoicemail(String mailbox) implements OverflowAction {
        public ToVoicemail {
            requireName(mailbox, "mailbox");
        }
    }

    /** Offer to call the customer back; the request keeps their place in line (see {@link CallbackQueue}). */
    record OfferCallback() implements OverflowAction {
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}

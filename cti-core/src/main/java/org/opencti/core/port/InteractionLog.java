package org.opencti.core.port;

import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;

/** The interaction history. Writing is idempotent on the record's key. May block. */
public interface InteractionLog {
    /** @return true when written now, false when a record with this key was already there */
    boolean record(InteractionRecord interaction);

    /**
     * {@link #record}, and {@code whenStored} once the row is in the store (a log that writes behind calls it after the
     * write, on its own thread; never when the record is refused). By default the row is stored when {@code record} returns.
     */
    default boolean record(InteractionRecord interaction, Runnable whenStored) {
        boolean accepted = record(interaction);
        whenStored.run(); // written now, or already there
        return accepted;
    }

    /**
     * Adds the agent's after-call work to the interaction with the update's key (the fields it names; the others stay).
     * Applying it again changes nothing more. Notes are not written to an erased customer's interaction.
     *
     * @return true when the interaction was there (and now carries the update), false when no interaction has this key
     */
    boolean wrapUp(WrapUpRecord wrapUp);
}

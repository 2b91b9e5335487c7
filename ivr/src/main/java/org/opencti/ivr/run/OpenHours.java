package org.opencti.ivr.run;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Whether a calendar of the contact-centre definition is open now. Must not block; when the answer is late or fails, the
 * interpreter treats the calendar as open (the caller is offered a person; the ACD's own arrival rules still apply).
 */
@FunctionalInterface
public interface OpenHours {

    CompletionStage<Boolean> isOpen(String calendar);

    /** Open exactly for the named calendars. */
    static OpenHours openFor(Set<String> calendars) {
        Set<String> open = Set.copyOf(calendars);
        return calendar -> CompletableFuture.completedFuture(open.contains(calendar));
    }
}

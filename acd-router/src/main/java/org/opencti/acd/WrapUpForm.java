package org.opencti.acd;

import java.time.Instant;
import java.util.List;

/**
 * What the desktop's wrap-up form shows for the agent's last call: its id and queue, the queue's disposition codes,
 * whether the agent is still in after-call work for it and until when, and what was entered so far (null: nothing).
 */
public record WrapUpForm(String callId, String queue, List<Disposition> dispositions, boolean wrappingUp, Instant wrapUpEnds,
                         String disposition, String notes) {
    public WrapUpForm {
        dispositions = List.copyOf(dispositions);
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.WrapUpRecord;

/**
 * The agent's after-call work as it reaches the history: the disposition and notes they give their last call, and how
 * long the wrap-up took. The call's row is written at hangup (so the reports, first-contact resolution and the next
 * pop see the call at once, and a crash during wrap-up loses nothing); what comes after is an update of that row
 * through the same ordered writer, chained on the row's insert ({@link AcdActions#wrapUp}), so it never overtakes it and
 * survives a database outage as the insert does. Writing at the end of the wrap-up instead would lose the call when the
 * node stops during wrap-up, and the form is often sent after a short wrap-up has already ended.
 *
 * <p>An agent may give their most recent call (the one they wrapped up last) a disposition and notes until an hour after
 * it ended, again to correct them; only that call, and only by that agent. Runs on the ACD's owner.
 */
final class AfterCallWork {
    /** How long after its end a call may still get its disposition and notes. */
    static final Duration LATE_LIMIT = Duration.ofHours(1);

    /** The agent's last call as the history knows it. */
    private static final class Last {
        final String key;
        final String callId;
        final String queue;
        final Long customerId;
        final Instant endedAt;
        CompletionStage<Void> written;
        String disposition;
        String notes;

        Last(InboundCall call, Instant endedAt) {
            this.key = AcdActions.interactionKey(call);
            this.callId = call.callId;
            this.queue = call.queue;
            this.customerId = call.customerId;
            this.endedAt = endedAt;
            this.written = call.historyWritten;
        }
    }

    private final AcdService acd;
    private final Map<String, Last> lastCall = new HashMap<>();

    AfterCallWork(AcdService acd) {
        this.acd = acd;
    }

    /** The agent's call ended and their wrap-up starts (its row was handed to the history just before). */
    void callEnded(AgentSession a, InboundCall call, Instant now) {
        lastCall.put(a.profile.id(), new Last(call, now));
    }

    /** The wrap-up of {@code callId} ended after {@code seconds}: the row gets its length. */
    void wrapUpEnded(AgentSession a, String callId, long seconds) {
        Last last = lastCall.get(a.profile.id());
        if (last != null && last.callId.equals(callId)) {
            write(last, WrapUpRecord.time(last.key, last.customerId, Math.max(0, seconds)));
        }
    }

    /** Checks the entry against the agent's last call and its queue's codes, and writes it. */
    void submit(AgentSession a, WrapUpEntry entry, Instant now) {
        Last last = lastCall.get(a.profile.id());
        if (last == null || now.isAfter(last.endedAt.plus(LATE_LIMIT))) {
            throw new IllegalStateException("agent " + a.profile.id() + " has no call to wrap up");
        }
        if (entry.callId() != null && !entry.callId().equals(last.callId)) {
            throw new IllegalStateException("call " + entry.callId() + " is not agent " + a.profile.id()
                + "'s last call (" + last.callId + ")");
        }
        String disposition = blankToNull(entry.disposition());
        String notes = notes(entry.notes());
        if (disposition == null && notes == null) {
            throw new TransferRequest.BadField("disposition", "give a disposition, notes, or both");
        }
        if (disposition != null) {
            List<Disposition> codes = acd.queue(last.queue).dispositions();
            if (codes.stream().noneMatch(d -> d.code().equals(disposition))) {
                throw new TransferRequest.BadField("disposition", codes.isEmpty()
                    ? "queue " + last.queue + " has no disposition codes: give notes only"
                    : "\"" + disposition + "\" is not a disposition of queue " + last.queue + "; one of "
                        + String.join(", ", codes.stream().map(Disposition::code).toList()));
            }
        }
        last.disposition = disposition == null ? last.disposition : disposition;
        last.notes = notes == null ? last.notes : notes;
        write(last, new WrapUpRecord(last.key, last.customerId, null, disposition, notes));
    }

    Optional<WrapUpForm> form(AgentSession a, Instant now) {
        Last last = lastCall.get(a.profile.id());
        if (last == null || now.isAfter(last.endedAt.plus(LATE_LIMIT))) {
            return Optional.empty();
        }
        boolean wrapping = a.state == AgentState.WRAP_UP && last.callId.equals(a.wrapCallId);
        return Optional.of(new WrapUpForm(last.callId, last.queue, acd.queue(last.queue).dispositions(), wrapping,
            wrapping ? a.wrapEnds : null, last.disposition, last.notes));
    }

    /** Each update follows the one before it for the same call, the first follows the row's insert. */
    private void write(Last last, WrapUpRecord update) {
        last.written = acd.actions().wrapUp(last.written, update);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Notes as typed, stripped: at most {@link WrapUpEntry#MAX_NOTES}, no control characters but line breaks and tabs. */
    private static String notes(String text) {
        String notes = blankToNull(text);
        if (notes == null) {
            return null;
        }
        if (notes.length() > WrapUpEntry.MAX_NOTES) {
            throw new TransferRequest.BadField("notes", "at most " + WrapUpEntry.MAX_NOTES + " characters, not " + notes.length());
        }
        if (notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new TransferRequest.BadField("notes", "must not contain control characters other than line breaks and tabs");
        }
        return notes;
    }
}

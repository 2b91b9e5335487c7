package org.opencti.core.callback;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A callback an agent scheduled: call {@code number} at {@code dueAt}, either themselves ("to me") or whoever the ACD routes
 * it to in {@code queue}. {@code timeZone} is the zone the time was given in (shown back in it). Every change makes a new
 * record with the next {@code version}, which is how the store refuses a change made on a stale copy.
 *
 * @param id         unique, at most 64 characters
 * @param agentId    the agent who scheduled it: its owner, and for a "to me" callback the one who makes it
 * @param customerId the customer whose number it is, when known
 * @param note       what the agent wants to remember (at most {@value #MAX_NOTE} characters; never null)
 */
public record ScheduledCallback(String id, String agentId, Assignee assignee, String queue, String number, Long customerId,
                                Instant dueAt, String timeZone, String note, Status status, Instant createdAt, long version) {
    public static final int MAX_NOTE = 500;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Who makes the call. */
    public enum Assignee {
        /** The agent who scheduled it (if free in time; else it goes to the queue). */
        AGENT,
        /** Any agent of the queue, routed like a call waiting there since the due time. */
        QUEUE
    }

    /** PENDING until due; ACTIVE while being called; then DONE (the customer was reached), FAILED or CANCELLED. */
    public enum Status {
        PENDING, ACTIVE, DONE, CANCELLED, FAILED;

        /** Still to be called (or being called). */
        public boolean open() {
            return this == PENDING || this == ACTIVE;
        }
    }

    public ScheduledCallback {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("a callback id is 1 to 64 characters, not \"" + id + "\"");
        }
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number == null || !E164.matcher(number).matches()) {
            throw new IllegalArgumentException("callback " + id + ": number must be E.164 (+ and 7 to 15 digits), not \"" + number + "\"");
        }
        note = note == null ? "" : note;
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("callback " + id + ": the note is longer than " + MAX_NOTE + " characters");
        }
        try {
            ZoneId.of(Objects.requireNonNull(timeZone, "timeZone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("callback " + id + ": unknown time zone \"" + timeZone + "\"", e);
        }
        if (version < 0) {
            throw new IllegalArgumentException("callback " + id + ": negative version " + version);
        }
    }

    /** The same callback in another status (the next version). */
    public ScheduledCallback withStatus(Status next) {
        return new ScheduledCallback(id, agentId, assignee, queue, number, customerId, dueAt, timeZone, note, next, createdAt, version + 1);
    }

    /** The same callback at another time (the next version), still pending. */
    public ScheduledCallback rescheduled(Instant due, String zone) {
        return new ScheduledCallback(id, agentId, assignee, queue, number, customerId, due, zone, note, Status.PENDING, createdAt,
            version + 1);
    }
}

package org.opencti.core.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A finished contact, as written to the history, or a note an agent added (channel "note", {@code notes} its
 * text). {@code key} is Asterisk's Linkedid of the call
 * (plus the agent leg's Uniqueid when there is one), so a replay of the same events writes nothing twice.
 *
 * <p>For the reports: {@code callId} is the ACD's call id (as in the queue_log and the survey answers),
 * {@code tier} the caller's tier when routed, {@code holdSeconds} the time the customer spent on hold during
 * the call; each may be null (not known, or written before they were kept).
 *
 * <p>A transferred call is one record per leg: the transferring agent's leg and the receiving leg both carry the
 * {@link Transfer} (null for a call that was not transferred).
 *
 * <p>From the IVR and the agent's after-call work (V7): {@code ivrPath} the menu nodes the caller went through,
 * {@code ivrData} what the IVR collected (name to value, in its order; never a PIN: names with a word starting "pin"
 * are dropped here), {@code recording} the recording's file name, {@code wrapUpSeconds} and {@code disposition} the after-call work.
 * The ACD writes the call at hangup without the after-call work, which a {@link WrapUpRecord} adds to the same row.
 */
public record InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                                String agentId, Instant startedAt, Instant answeredAt, Instant endedAt,
                                String outcome, String notes, String callId, String tier, Long holdSeconds,
                                Transfer transfer, String ivrPath, Map<String, String> ivrData, String recording,
                                Long wrapUpSeconds, String disposition) {
    /** The most IVR data one interaction keeps: what a caller told the IVR, not a dump of a misbehaving dialplan. */
    public static final int MAX_IVR_DATA = 32;

    public InteractionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (holdSeconds != null && holdSeconds < 0) {
            throw new IllegalArgumentException("interaction " + key + " has negative hold time " + holdSeconds);
        }
        if (wrapUpSeconds != null && wrapUpSeconds < 0) {
            throw new IllegalArgumentException("interaction " + key + " has negative wrap-up time " + wrapUpSeconds);
        }
        ivrData = ivrData == null || ivrData.isEmpty() ? Map.of() : withoutPins(ivrData);
    }

    /** The record as written before V7: no IVR, recording or after-call work. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt,
                             String outcome, String notes, String callId, String tier, Long holdSeconds,
                             Transfer transfer) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, notes, callId,
            tier, holdSeconds, transfer, null, null, null, null, null);
    }

    /** Without notes or the report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, null, null,
            null, null, null);
    }

    /** A note, or a contact with its notes: no report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome,
                             String notes) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, notes, null,
            null, null, null);
    }

    /** A call as the ACD writes it: no notes, the report fields. */
    public InteractionRecord(String key, Long customerId, String callerNumber, String channel, String queue,
                             String agentId, Instant startedAt, Instant answeredAt, Instant endedAt, String outcome,
                             String callId, String tier, Long holdSeconds) {
        this(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt, outcome, null, callId,
            tier, holdSeconds, null);
    }

    /**
     * The same interaction with nothing left that points at a person: no caller number, no notes, no IVR data (it may
     * hold an account or order number).
     */
    public InteractionRecord anonymised() {
        return new InteractionRecord(key, customerId, null, channel, queue, agentId, startedAt, answeredAt, endedAt,
            outcome, null, callId, tier, holdSeconds, transfer, ivrPath, null, recording, wrapUpSeconds, disposition);
    }

    /** The interaction with the after-call work applied: what the update names changes, the rest stays. */
    public InteractionRecord with(WrapUpRecord wrapUp) {
        return new InteractionRecord(key, customerId, callerNumber, channel, queue, agentId, startedAt, answeredAt, endedAt,
            outcome, wrapUp.notes() == null ? notes : wrapUp.notes(), callId, tier, holdSeconds, transfer, ivrPath, ivrData,
            recording, wrapUp.wrapUpSeconds() == null ? wrapUpSeconds : wrapUp.wrapUpSeconds(),
            wrapUp.disposition() == null ? disposition : wrapUp.disposition());
    }

    /** What the pop shows of it: the disposition the agent chose, else the outcome. */
    public InteractionSummary summary() {
        return new InteractionSummary(startedAt, channel, queue, agentId, disposition == null ? outcome : disposition, notes,
            ivrPath);
    }

    /** A name with a word starting "pin" (CTI_PIN, pin_entered, PINCODE), not one that merely contains it (SHIPPING). */
    private static final Pattern PIN_NAME = Pattern.compile("(?i)(^|[^a-z])pin");

    /** Whatever a dialplan put there, a PIN is never kept: a name that says PIN is dropped, the rest kept in order. */
    private static Map<String, String> withoutPins(Map<String, String> data) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (out.size() >= MAX_IVR_DATA) {
                break;
            }
            if (e.getKey() != null && e.getValue() != null && !PIN_NAME.matcher(e.getKey()).find()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * How the call was handed on.
     *
     * @param kind          {@code blind} or {@code attended}
     * @param transferredBy the agent who transferred it
     * @param target        where to: {@code queue:<name>}, {@code agent:<id>} or {@code number:<digits>}
     */
    public record Transfer(String kind, String transferredBy, String target) {
        public Transfer {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(transferredBy, "transferredBy");
            Objects.requireNonNull(target, "target");
        }
    }
}

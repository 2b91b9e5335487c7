package org.opencti.dialer.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where every refused dial is recorded (the evidence that the rules were applied). May block: call from a worker. */
public interface RefusalLog {
    /** A refusal as stored, with the id that orders refusals of the same instant. */
    record Recorded(long id, DialRefusal refusal) {
    }

    void record(DialRefusal refusal);

    /** The campaign's most recent refusals, newest first. */
    List<DialRefusal> recent(long campaignId, int limit);

    /**
     * The campaign's refusals made in [{@code from}, {@code to}), of {@code reason} (null: any), in time order (ties by
     * id), after the cursor (null: from the start), at most {@code limit} ({@link LogPage#MAX_LIMIT} at most).
     */
    LogPage<Recorded> refusals(long campaignId, Instant from, Instant to, RefusalReason reason, LogPage.Cursor after, int limit);

    /** How many of the campaign's dials were refused in [{@code from}, {@code to}), by reason (reasons with none left out). */
    Map<RefusalReason, Long> countByReason(long campaignId, Instant from, Instant to);
}

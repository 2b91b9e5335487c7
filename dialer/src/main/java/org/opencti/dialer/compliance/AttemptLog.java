package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.opencti.dialer.campaign.CallOutcome;

/** Dial attempts, their outcomes and dispositions; the history the caps and the 72-hour rule read. May block. */
public interface AttemptLog extends ContactHistory {
    /** Records a dial as it starts ({@code id} 0); returns its id. */
    long started(DialAttempt attempt);

    void ended(long attemptId, CallOutcome outcome);

    void disposed(long attemptId, String code, BigDecimal value, String agentId);

    Optional<DialAttempt> find(long attemptId);

    /**
     * The campaign's attempts that started in [{@code from}, {@code to}), in start order (ties by id), after the cursor
     * (null: from the start), at most {@code limit} ({@link LogPage#MAX_LIMIT} at most).
     */
    LogPage<DialAttempt> attempts(long campaignId, Instant from, Instant to, LogPage.Cursor after, int limit);
}

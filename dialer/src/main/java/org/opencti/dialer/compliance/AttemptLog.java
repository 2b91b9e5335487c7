package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.util.Optional;
import org.opencti.dialer.campaign.CallOutcome;

/** Dial attempts, their outcomes and dispositions; the history the caps and the 72-hour rule read. May block. */
public interface AttemptLog extends ContactHistory {
    /** Records a dial as it starts ({@code id} 0); returns its id. */
    long started(DialAttempt attempt);

    void ended(long attemptId, CallOutcome outcome);

    void disposed(long attemptId, String code, BigDecimal value, String agentId);

    Optional<DialAttempt> find(long attemptId);
}

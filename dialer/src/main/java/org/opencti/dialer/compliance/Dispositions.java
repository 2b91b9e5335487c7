package org.opencti.dialer.compliance;

import java.math.BigDecimal;
import java.time.Clock;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.Disposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the agent's disposition of an attempt, from the campaign's set, with its value (the disposition's own
 * unless the agent gives one, a sale's amount say). A do-not-call request puts the number on the internal list at
 * once, before anything else can dial it.
 */
public final class Dispositions {
    private static final Logger LOG = LoggerFactory.getLogger(Dispositions.class);
    private final AttemptLog attempts;
    private final DncLists dnc;
    private final Clock clock;

    public Dispositions(AttemptLog attempts, DncLists dnc, Clock clock) {
        this.attempts = attempts;
        this.dnc = dnc;
        this.clock = clock;
    }

    /** @param value null for the disposition's own value */
    public Disposition record(Campaign campaign, long attemptId, String code, BigDecimal value, String agentId) {
        Disposition disposition = campaign.disposition(code).orElseThrow(() -> new IllegalArgumentException("disposition \"" + code
            + "\" is not in campaign " + campaign.name() + "'s set " + campaign.dispositions().stream().map(Disposition::code).toList()));
        DialAttempt attempt = attempts.find(attemptId).orElseThrow(() -> new IllegalArgumentException("no dial attempt " + attemptId));
        if (attempt.campaignId() != campaign.id()) {
            throw new IllegalArgumentException("dial attempt " + attemptId + " belongs to campaign " + attempt.campaignId() + ", not "
                + campaign.id());
        }
        if (disposition.has(Disposition.Flag.DNC_REQUEST)) {
            dnc.addInternal(attempt.e164(), "request", agentId, clock.instant()); // the attempt row keeps the disposition
            LOG.info("campaign {} attempt {}: do-not-call request, number added to the internal list", campaign.id(), attemptId);
        }
        attempts.disposed(attemptId, code, value == null ? disposition.value() : value, agentId);
        return disposition;
    }
}

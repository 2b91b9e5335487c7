package org.opencti.dialer.run;

import java.time.Instant;
import org.opencti.dialer.lead.Lead;

/** What a running campaign tells an agent's desktop. */
public sealed interface AgentNotice {
    long campaignId();

    /**
     * A lead to look at, then dial or skip ({@link CampaignRunner#previewDial}, {@link CampaignRunner#previewSkip}) before
     * {@code answerBy}; {@code callbackId} is set when it is a callback due to this agent.
     */
    record PreviewOffered(long campaignId, Lead lead, Long callbackId, String script, Instant answerBy) implements AgentNotice {
    }

    /** The preview was taken back (no decision in time, or the campaign paused or stopped). */
    record PreviewWithdrawn(long campaignId, long leadId, String reason) implements AgentNotice {
    }

    /** A person is on the line: the lead, the customer (null: none known), the attempt to dispose, the script. */
    record Connected(long campaignId, String line, long attemptId, Lead lead, Long customerId, String script) implements AgentNotice {
    }

    /** A callback is due: offered to this agent ({@code toAgent}) or being dialed for them from the pool. */
    record CallbackDue(long campaignId, long callbackId, Lead lead, Instant dueAt, boolean toAgent) implements AgentNotice {
    }
}

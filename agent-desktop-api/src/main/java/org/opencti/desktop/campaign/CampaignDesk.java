package org.opencti.desktop.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the pages may ask of the running campaigns: an agent's preview decision and disposition, and the live figures
 * supervisors watch. The node implements it over the dialer's runners; the routes check who may ask. Failures: an
 * {@link IllegalArgumentException} is a bad request (its message names the field), an {@link IllegalStateException} a
 * conflict (the preview was withdrawn, the campaign is not running), a {@link java.util.NoSuchElementException} an unknown
 * campaign, lead or attempt.
 */
public interface CampaignDesk {
    /** The agent dials the lead they were shown. */
    CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId);

    /** The agent passes on the lead they were shown; {@code reason} is free text for the campaign's records. */
    CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason);

    /**
     * The agent's disposition of one attempt: a code of the campaign's set, its value (null: the code's own), and for a
     * callback the time ({@code callbackAt}) and whether it comes back to this agent or goes to the pool.
     */
    CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value, Instant callbackAt,
                                  boolean callbackToMe);

    /** The figures of every campaign that runs on this node (the routes keep those a user may see). */
    CompletionStage<List<CampaignFigures>> figures();

    /** No campaign runs: previews and dispositions are conflicts, there are no figures. */
    CampaignDesk NONE = new CampaignDesk() {
        @Override
        public CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId) {
            return CompletableFuture.failedFuture(new IllegalStateException("no campaign runs on this node"));
        }

        @Override
        public CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason) {
            return CompletableFuture.failedFuture(new IllegalStateException("no campaign runs on this node"));
        }

        @Override
        public CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value,
                                             Instant callbackAt, boolean callbackToMe) {
            return CompletableFuture.failedFuture(new IllegalStateException("no campaign runs on this node"));
        }

        @Override
        public CompletionStage<List<CampaignFigures>> figures() {
            return CompletableFuture.completedFuture(List.of());
        }
    };
}

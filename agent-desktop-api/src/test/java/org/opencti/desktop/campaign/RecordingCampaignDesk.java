package org.opencti.desktop.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A campaign desk that records what it is asked ("dial 2001 7 42"), answers with {@link #figures}, and fails once on demand. */
final class RecordingCampaignDesk implements CampaignDesk {
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile List<CampaignFigures> figures = List.of();
    volatile RuntimeException failNext;

    private CompletionStage<Void> answer(String what) {
        asked.add(what);
        RuntimeException failure = failNext;
        failNext = null;
        return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
    }

    @Override
    public CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId) {
        return answer("dial " + agentId + " " + campaignId + " " + leadId);
    }

    @Override
    public CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason) {
        return answer("skip " + agentId + " " + campaignId + " " + leadId + " " + reason);
    }

    @Override
    public CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value,
                                         Instant callbackAt, boolean callbackToMe) {
        return answer("dispose " + agentId + " " + campaignId + " " + attemptId + " " + code + " " + value + " " + callbackAt + " "
            + callbackToMe);
    }

    @Override
    public CompletionStage<List<CampaignFigures>> figures() {
        return CompletableFuture.completedFuture(figures);
    }

    static CampaignFigures row(long id, String name, long dials) {
        return new CampaignFigures(id, name, "predictive", "running", Instant.parse("2026-03-04T15:00:00Z"), dials, dials / 2, 1,
            2.5, 4.0, 3, 41.5, 12.5, 300, 2);
    }
}

package org.opencti.server;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.desktop.ws.OpenFrames;

/**
 * Each agent's last open campaign notice: a preview waiting for their decision, or a connected call waiting for its
 * disposition. A page that reconnects gets it again after its hello ({@link OpenFrames}), the same frame as first sent.
 * Kept from the notice ({@link CampaignFloor}) until it is withdrawn, decided (dialed, skipped), disposed, replaced by
 * the agent's next notice, or the campaign lets the agent go; a preview past its {@code answerBy} is never sent again.
 * Runners' threads write, the hub's reads: one concurrent map, each change one atomic step on the agent's entry.
 */
final class CampaignNotices implements OpenFrames {
    private final Map<String, DesktopEvent> open = new ConcurrentHashMap<>();
    private final Clock clock;

    CampaignNotices(Clock clock) {
        this.clock = clock;
    }

    /** A preview or connected notice the agent was just sent; any other event is not kept. */
    void shown(DesktopEvent event) {
        if (event instanceof DesktopEvent.CampaignPreview || event instanceof DesktopEvent.CampaignConnected) {
            open.put(event.agentId(), event);
        }
    }

    /** The preview of {@code leadId} is over: withdrawn, dialed or skipped. A later connected notice stays. */
    void previewOver(String agentId, long campaignId, long leadId) {
        open.computeIfPresent(agentId, (a, e) -> e instanceof DesktopEvent.CampaignPreview p && p.campaignId() == campaignId
            && p.lead().leadId() == leadId ? null : e);
    }

    /** The disposition of {@code attemptId} is stored: its form is done. */
    void disposed(String agentId, long campaignId, long attemptId) {
        open.computeIfPresent(agentId, (a, e) -> e instanceof DesktopEvent.CampaignConnected c && c.campaignId() == campaignId
            && c.attemptId() == attemptId ? null : e);
    }

    /** The campaign let the agent go (after a disposition, a skip, a lapsed wrap-up...): nothing of it is open for them. */
    void released(String agentId, long campaignId) {
        open.computeIfPresent(agentId, (a, e) -> campaignOf(e) == campaignId ? null : e);
    }

    @Override
    public List<DesktopEvent> of(String agentId) {
        DesktopEvent e = open.get(agentId);
        if (e instanceof DesktopEvent.CampaignPreview p && !p.answerBy().isAfter(clock.instant())) {
            open.remove(agentId, e); // lapsed: the runner withdraws it, if it has not yet
            return List.of();
        }
        return e == null ? List.of() : List.of(e);
    }

    private static long campaignOf(DesktopEvent e) {
        return e instanceof DesktopEvent.CampaignPreview p ? p.campaignId() : ((DesktopEvent.CampaignConnected) e).campaignId();
    }
}

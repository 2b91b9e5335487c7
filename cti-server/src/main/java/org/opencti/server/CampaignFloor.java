package org.opencti.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.opencti.acd.OutboundAgents;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.desktop.DispositionChoice;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.run.AgentNotice;
import org.opencti.dialer.run.CampaignAgents;

/**
 * The dialer's {@link CampaignAgents} over the ACD's {@link OutboundAgents}: a campaign's workforce (its named agents and
 * everyone with its skill) as the ACD's snapshot shows them, inbound first (an agent the inbound queues need is not
 * listed); holds go to the ACD without waiting; notices become the desktop's campaign frames, the open ones kept for a
 * page that reconnects ({@link CampaignNotices}). Never blocks.
 */
final class CampaignFloor implements CampaignAgents {
    private final OutboundAgents agents;
    private final DesktopNotifier desktops;
    private final Clock clock;
    private final LongFunction<Optional<Campaign>> campaigns;
    private final Function<String, String> callIds;
    private final CampaignNotices open;

    /**
     * @param campaigns the running campaign by id (for its name and dispositions in the frames)
     * @param callIds   the ACD's call id of a campaign line
     * @param open      where each agent's open preview or connected call is kept
     */
    CampaignFloor(OutboundAgents agents, DesktopNotifier desktops, Clock clock, LongFunction<Optional<Campaign>> campaigns,
                  Function<String, String> callIds, CampaignNotices open) {
        this.open = open;
        this.agents = agents;
        this.desktops = desktops;
        this.clock = clock;
        this.campaigns = campaigns;
        this.callIds = callIds;
    }

    @Override
    public List<CampaignAgent> available(Campaign campaign) {
        List<CampaignAgent> out = new ArrayList<>();
        for (OutboundAgents.Member m : agents.snapshot()) {
            boolean works = campaign.assignment().agents().contains(m.agentId())
                || campaign.assignment().skill() != null && m.skills().getOrDefault(campaign.assignment().skill(), 0) > 0;
            if (!works) {
                continue;
            }
            if (m.heldBy() != null && m.heldBy() == campaign.id()) {
                out.add(new CampaignAgent(m.agentId(), held(m.state()), m.since()));
            } else if (m.free()) {
                out.add(new CampaignAgent(m.agentId(), Activity.FREE, m.since()));
            }
        }
        return out;
    }

    private static Activity held(AgentState state) {
        return switch (state) {
            case ON_CALL, ON_HOLD -> Activity.TALKING;
            case WRAP_UP -> Activity.WRAPPING;
            default -> Activity.RESERVED;
        };
    }

    @Override
    public boolean reserve(long campaignId, String agentId) {
        return agents.reserve(agentId, campaignId);
    }

    @Override
    public void release(long campaignId, String agentId) {
        open.released(agentId, campaignId);
        agents.release(agentId, campaignId);
    }

    @Override
    public void notify(String agentId, AgentNotice notice) {
        Optional<Campaign> campaign = campaigns.apply(notice.campaignId());
        String name = campaign.map(Campaign::name).orElse("campaign " + notice.campaignId());
        Instant now = clock.instant();
        DesktopEvent event;
        if (notice instanceof AgentNotice.PreviewOffered p) {
            event = new DesktopEvent.CampaignPreview(agentId, now, p.campaignId(), name, lead(p.lead()), p.callbackId(), p.script(),
                p.answerBy());
        } else if (notice instanceof AgentNotice.PreviewWithdrawn w) {
            event = new DesktopEvent.CampaignPreviewWithdrawn(agentId, now, w.campaignId(), w.leadId(), w.reason());
            open.previewOver(agentId, w.campaignId(), w.leadId());
        } else if (notice instanceof AgentNotice.Connected c) {
            event = new DesktopEvent.CampaignConnected(agentId, now, c.campaignId(), name, callIds.apply(c.line()), c.attemptId(),
                lead(c.lead()), c.script(), campaign.map(CampaignFloor::choices).orElse(List.of()));
        } else {
            AgentNotice.CallbackDue d = (AgentNotice.CallbackDue) notice;
            event = new DesktopEvent.CampaignCallbackDue(agentId, now, d.campaignId(), d.callbackId(), lead(d.lead()), d.dueAt(),
                d.toAgent());
        }
        open.shown(event); // before the push: a page connecting meanwhile gets it after its hello, at worst twice
        desktops.notify(event);
    }

    private static CampaignLead lead(Lead l) {
        return new CampaignLead(l.id(), l.e164(), l.firstName(), l.lastName(), l.customerId());
    }

    private static List<DispositionChoice> choices(Campaign c) {
        return c.dispositions().stream().map(d -> new DispositionChoice(d.code(), d.label(), d.has(Disposition.Flag.SALE),
            d.has(Disposition.Flag.CALLBACK), d.has(Disposition.Flag.DNC_REQUEST))).toList();
    }
}

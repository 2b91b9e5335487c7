package org.opencti.dialer.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.lead.Lead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner's offers to agents: previews (offered, dialed, skipped, lapsed, withdrawn) and due callbacks (to their agent
 * as a preview, or dialed for the pool with the longest-free agent held). On the runner's thread.
 */
final class Offers {
    private static final Logger LOG = LoggerFactory.getLogger(Offers.class);
    private static final int CALLBACKS_PER_POLL = 20;
    private final CampaignRunner r;
    /** Agents who let a preview time out: likely away from the desk, so given nothing until this instant. */
    private final Map<String, Instant> away = new HashMap<>();
    private boolean callbackPoll;

    Offers(CampaignRunner runner) {
        this.r = runner;
    }

    boolean away(String agent) {
        return away.containsKey(agent);
    }

    void comeBack(Instant now) {
        away.values().removeIf(until -> !until.isAfter(now));
    }

    void offerPreview(String agent, Lead lead, Callback callback) {
        Instant now = r.clock.instant();
        Hold h = r.holds.get(agent);
        h.become(Hold.Kind.PREVIEW, now);
        h.lead = lead;
        h.callback = callback;
        h.timer = r.scheduler.schedule(r.settings.previewTimeout(), () -> previewExpired(agent, lead.id()));
        r.ports.agents().notify(agent, new AgentNotice.PreviewOffered(r.campaign.id(), lead, callback == null ? null : callback.id(),
            r.campaign.script(), now.plus(r.settings.previewTimeout())));
        if (callback != null) {
            r.ports.agents().notify(agent, new AgentNotice.CallbackDue(r.campaign.id(), callback.id(), lead, callback.dueAt(), true));
        }
    }

    /** The agent dials the lead on their screen; the line rings with the agent on it. */
    void previewDial(String agentId, long leadId) {
        Hold h = preview(agentId, leadId);
        Lead lead = h.lead;
        Callback callback = h.callback;
        Instant now = r.clock.instant();
        h.become(Hold.Kind.PENDING, now);
        r.io("log preview dial of lead " + leadId, () -> r.ports.attempts().started(DialAttempt.start(r.campaign.id(), lead.id(),
            lead.e164(), lead.customerId(), agentId, now)), attempt -> r.dial(lead, callback, attempt, agentId), e -> {
                giveBack(lead, callback, r.clock.instant());
                r.release(agentId);
            });
    }

    /** The agent skips the lead on their screen: it goes back to its list, to be looked at again after the recheck time. */
    void previewSkip(String agentId, long leadId, String reason) {
        Hold h = preview(agentId, leadId);
        LOG.info("campaign {}: agent {} skipped lead {} ({})", r.campaign.id(), agentId, leadId, reason == null ? "no reason" : reason);
        r.figures.skips++;
        giveBack(h.lead, h.callback, r.clock.instant().plus(r.settings.recheck()));
        r.release(agentId);
        r.pace();
    }

    private Hold preview(String agentId, long leadId) {
        r.owner.assertOwner();
        Hold h = r.holds.get(agentId);
        if (h == null || h.kind != Hold.Kind.PREVIEW || h.lead.id() != leadId) {
            throw new IllegalArgumentException("agent " + agentId + " has no preview of lead " + leadId + " in campaign "
                + r.campaign.name());
        }
        return h;
    }

    private void previewExpired(String agent, long leadId) {
        r.owner.assertOwner();
        Hold h = r.holds.get(agent);
        if (h == null || h.kind != Hold.Kind.PREVIEW || h.lead.id() != leadId) {
            return;
        }
        LOG.info("campaign {}: agent {} made no decision on lead {} within {}: the lead goes back", r.campaign.id(), agent, leadId,
            r.settings.previewTimeout());
        withdraw(agent, h, "no decision within " + r.settings.previewTimeout().toSeconds() + " s");
        away.put(agent, r.clock.instant().plus(r.settings.previewTimeout()));
        r.pace();
    }

    void withdrawPreviews(String reason) {
        for (Map.Entry<String, Hold> e : List.copyOf(r.holds.entrySet())) {
            if (e.getValue().kind == Hold.Kind.PREVIEW) {
                withdraw(e.getKey(), e.getValue(), reason);
            }
        }
    }

    private void withdraw(String agent, Hold h, String reason) {
        giveBack(h.lead, h.callback, r.clock.instant());
        r.ports.agents().notify(agent, new AgentNotice.PreviewWithdrawn(r.campaign.id(), h.lead.id(), reason));
        r.release(agent);
    }

    /** A claimed lead (or callback) not dialed goes back, dialable again from {@code at}. */
    private void giveBack(Lead lead, Callback callback, Instant at) {
        String node = r.settings.nodeId();
        r.io("give back lead " + lead.id(), () -> {
            if (callback != null) {
                r.ports.callbacks().finish(callback.id(), node, false, at);
            } else {
                r.ports.leads().finish(lead.id(), node, false, at);
            }
            return null;
        }, done -> { }, e -> { });
    }

    void pollCallbacks(List<CampaignAgents.CampaignAgent> floor) {
        if (callbackPoll || r.freeAgents(floor).isEmpty() || !r.campaign.schedule().isOpen(r.clock.instant())) {
            return;
        }
        callbackPoll = true;
        Instant now = r.clock.instant();
        r.io("read due callbacks", () -> r.ports.callbacks().due(r.campaign.id(), now, CALLBACKS_PER_POLL), due -> {
            callbackPoll = false;
            takeCallbacks(due);
        }, e -> callbackPoll = false);
    }

    /** Each due callback goes to its agent when that agent is free, or for the pool to the longest-free agent. */
    private void takeCallbacks(List<Callback> due) {
        if (r.state != RunnerState.RUNNING) {
            return;
        }
        List<String> free = new ArrayList<>(r.freeAgents(r.ports.agents().available(r.campaign)));
        for (Callback callback : due) {
            String agent = callback.forPool() ? free.stream().findFirst().orElse(null)
                : free.contains(callback.agentId()) ? callback.agentId() : null;
            if (agent == null) {
                continue;
            }
            free.remove(agent);
            if (r.ports.agents().reserve(r.campaign.id(), agent)) {
                r.holds.put(agent, new Hold(r.clock.instant()));
                claimCallback(callback, agent);
            }
        }
    }

    private void claimCallback(Callback callback, String agent) {
        Instant now = r.clock.instant();
        r.io("claim callback " + callback.id(), () -> CallbackClaim.run(r.ports, r.campaign, r.settings, callback, agent, now), claim -> {
            r.figures.refused(claim.refusals());
            if (claim.lead() == null) {
                r.release(agent);
            } else if (callback.forPool()) {
                r.ports.agents().notify(agent, new AgentNotice.CallbackDue(r.campaign.id(), callback.id(), claim.lead(), callback.dueAt(),
                    false));
                r.dial(claim.lead(), claim.callback(), claim.attemptId(), agent);
            } else if (r.state == RunnerState.RUNNING) {
                offerPreview(agent, claim.lead(), claim.callback());
            } else {
                giveBack(claim.lead(), claim.callback(), callback.dueAt());
                r.release(agent);
            }
        }, e -> r.release(agent));
    }
}

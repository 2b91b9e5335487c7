package org.opencti.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.compliance.DialDecision;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.compliance.DialRequest;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.ListLevels;

/**
 * Where the pacing gets its next leads on this node: claims from the shared lists (SKIP LOCKED, leased to this node),
 * puts every claimed lead through the {@link DialPolicy}, and hands out only those cleared to dial now. A lead refused
 * for a reason that passes (calling hours, a cap, a recent drop) goes back to its list to be looked at again after
 * {@code recheck}; one refused for good (do-not-call, opted out) is closed. Then the lists are checked for running low.
 * Blocking (JDBC): call from a worker.
 */
public final class LeadHopper {
    private final LeadStore leads;
    private final DialPolicy policy;
    private final ListLevels levels;
    private final Settings settings;
    private final Clock clock;

    /** This node's id (in every claim), how long a claim lasts, and when a lead refused for now is looked at again. */
    public record Settings(String nodeId, Duration lease, Duration recheck) {
        public Settings {
            if (nodeId == null || nodeId.isBlank()) {
                throw new IllegalArgumentException("nodeId must not be blank");
            }
            if (lease.isNegative() || lease.isZero() || recheck.isNegative() || recheck.isZero()) {
                throw new IllegalArgumentException("lease and recheck must be positive: " + lease + ", " + recheck);
            }
        }
    }

    public LeadHopper(LeadStore leads, DialPolicy policy, ListLevels levels, Settings settings, Clock clock) {
        this.leads = leads;
        this.policy = policy;
        this.levels = levels;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Up to {@code max} leads of the campaign cleared to dial now, claimed by this node. {@code reservedAgent} is the
     * agent held for these calls (preview and progressive), or null (predictive).
     */
    public List<Lead> next(Campaign campaign, int max, String reservedAgent) {
        return take(campaign, max, reservedAgent).cleared();
    }

    /** What a claim gave: the leads cleared to dial, and the decisions that refused the others (already recorded). */
    public record Taken(List<Lead> cleared, List<DialDecision> refused) {
        public Taken {
            cleared = List.copyOf(cleared);
            refused = List.copyOf(refused);
        }
    }

    /** As {@link #next}, with the refusals, so a running campaign can count them by reason. */
    public Taken take(Campaign campaign, int max, String reservedAgent) {
        Instant now = clock.instant();
        List<Lead> cleared = new ArrayList<>();
        List<DialDecision> refused = new ArrayList<>();
        for (Lead lead : leads.claim(campaign.id(), settings.nodeId(), max, now, settings.lease())) {
            DialDecision decision = policy.decide(new DialRequest(campaign, lead, reservedAgent));
            if (decision.allowed()) {
                cleared.add(lead);
                continue;
            }
            refused.add(decision);
            if (decision.reason().temporary()) {
                leads.finish(lead.id(), settings.nodeId(), false, now.plus(settings.recheck()));
            } else {
                leads.finish(lead.id(), settings.nodeId(), false, null);
            }
        }
        levels.check(campaign.id(), campaign.listLowThreshold());
        return new Taken(cleared, refused);
    }
}

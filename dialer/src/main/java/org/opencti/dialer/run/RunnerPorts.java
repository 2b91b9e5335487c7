package org.opencti.dialer.run;

import java.util.Objects;
import org.opencti.dialer.compliance.AttemptLog;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.compliance.DncLists;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.ListLevels;

/**
 * What a campaign runner works through: the stores (blocking; called on the runner's worker) and the two live ports
 * (non-blocking; called on the runner's thread). One set may serve every campaign of a node.
 */
public record RunnerPorts(LeadStore leads, DialPolicy policy, ListLevels levels, AttemptLog attempts, DncLists dnc,
                          CallbackStore callbacks, OutboundLines lines, CampaignAgents agents) {
    public RunnerPorts {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(dnc, "dnc");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(agents, "agents");
    }
}

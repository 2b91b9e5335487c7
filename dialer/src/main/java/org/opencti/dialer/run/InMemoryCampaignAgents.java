package org.opencti.dialer.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencti.dialer.campaign.Assignment;
import org.opencti.dialer.campaign.Campaign;

/**
 * A floor of agents kept by hand, for tests and the demo: who is logged in with which skills, what each is doing, and
 * which ones the inbound side needs now (those are never offered: inbound first). Reservations are atomic under the
 * lock, so two runners sharing it never take one agent. Notices to desktops are kept for reading.
 */
public final class InMemoryCampaignAgents implements CampaignAgents {
    /** A notice and the agent it was for. */
    public record Notice(String agentId, AgentNotice notice) {
    }

    private static final class Agent {
        final Set<String> skills;
        Activity activity = Activity.FREE;
        Instant since;
        boolean inbound;
        Long heldBy;

        Agent(Set<String> skills, Instant since) {
            this.skills = Set.copyOf(skills);
            this.since = since;
        }
    }

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();
    private final Clock clock;

    public InMemoryCampaignAgents(Clock clock) {
        this.clock = clock;
    }

    /** The agent logs in, free, with these skills. */
    public synchronized InMemoryCampaignAgents login(String agentId, Set<String> skills) {
        agents.put(Objects.requireNonNull(agentId, "agentId"), new Agent(skills, clock.instant()));
        return this;
    }

    public synchronized void logout(String agentId) {
        agents.remove(agentId);
    }

    /** What the agent is doing now, as the ACD would say (an inbound call, wrap-up, free again). */
    public synchronized void set(String agentId, Activity activity) {
        Agent a = agent(agentId);
        a.activity = activity;
        a.since = clock.instant();
        if (activity != Activity.RESERVED) {
            a.heldBy = null;
        }
    }

    /** The inbound side needs (or no longer needs) this agent: while it does, no campaign is offered them. */
    public synchronized void neededByInbound(String agentId, boolean needed) {
        agent(agentId).inbound = needed;
    }

    public synchronized Optional<Activity> activity(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(a -> a.activity);
    }

    /** The campaign holding the agent, if any. */
    public synchronized Optional<Long> heldBy(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(a -> a.heldBy);
    }

    public synchronized List<Notice> notices() {
        return List.copyOf(notices);
    }

    private Agent agent(String agentId) {
        Agent a = agents.get(agentId);
        if (a == null) {
            throw new IllegalArgumentException("agent " + agentId + " is not logged in");
        }
        return a;
    }

    @Override
    public synchronized List<CampaignAgent> available(Campaign campaign) {
        Assignment assignment = campaign.assignment();
        List<CampaignAgent> found = new ArrayList<>();
        agents.forEach((id, a) -> {
            boolean assigned = assignment.agents().contains(id) || assignment.skill() != null && a.skills.contains(assignment.skill());
            if (assigned && !a.inbound) {
                found.add(new CampaignAgent(id, a.activity, a.since));
            }
        });
        return found;
    }

    @Override
    public synchronized boolean reserve(long campaignId, String agentId) {
        Agent a = agents.get(agentId);
        if (a == null || a.inbound || a.activity != Activity.FREE) {
            return false;
        }
        a.activity = Activity.RESERVED;
        a.heldBy = campaignId;
        a.since = clock.instant();
        return true;
    }

    @Override
    public synchronized void release(long campaignId, String agentId) {
        Agent a = agents.get(agentId);
        if (a != null && Objects.equals(a.heldBy, campaignId)) {
            a.activity = Activity.FREE;
            a.heldBy = null;
            a.since = clock.instant();
        }
    }

    @Override
    public synchronized void notify(String agentId, AgentNotice notice) {
        notices.add(new Notice(agentId, notice));
    }
}

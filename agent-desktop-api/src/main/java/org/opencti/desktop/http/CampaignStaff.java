package org.opencti.desktop.http;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.dialer.campaign.Assignment;

/**
 * Who could work a campaign, and so who may run it. A campaign's workforce is the agents it names plus every agent with
 * its skill. An admin may do anything with any campaign. A supervisor oversees a campaign when its whole workforce is
 * in their team: they may then read, create, edit, start, pause and stop it, import its lists and read its compliance
 * logs. A campaign whose workforce spans teams, or is empty, is for admins: starting it would put other supervisors'
 * agents to work. An agent in the workforce reads the campaign's script, nothing else.
 *
 * @param agents agent id to their team (null: none) and skills; supervisors and admins are not agents here
 * @param skills every skill the centre defines
 */
public record CampaignStaff(Map<String, Member> agents, Set<String> skills) {
    /** An agent's team (null: in no team) and the skills they have. */
    public record Member(String team, Set<String> skills) {
        public Member {
            skills = Set.copyOf(skills);
        }
    }

    public CampaignStaff {
        agents = Map.copyOf(agents);
        skills = Set.copyOf(skills);
    }

    /** Everyone who may work a campaign so assigned, by id. */
    public Set<String> workforce(Assignment assignment) {
        Set<String> out = new TreeSet<>(assignment.agents());
        if (assignment.skill() != null) {
            agents.forEach((id, m) -> {
                if (m.skills().contains(assignment.skill())) {
                    out.add(id);
                }
            });
        }
        return out;
    }

    /** Whether this user may run a campaign so assigned (see the class comment). */
    public boolean oversees(User user, Assignment assignment) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        if (user.role() != Role.SUPERVISOR || user.team() == null) {
            return false;
        }
        Set<String> workforce = workforce(assignment);
        return !workforce.isEmpty()
            && workforce.stream().allMatch(id -> agents.containsKey(id) && user.team().equals(agents.get(id).team()));
    }

    /** Whether this agent is in the workforce of a campaign so assigned. */
    public boolean works(User user, Assignment assignment) {
        return user.role() == Role.AGENT && workforce(assignment).contains(user.id());
    }
}

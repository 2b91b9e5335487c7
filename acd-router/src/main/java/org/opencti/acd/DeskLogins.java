package org.opencti.acd;

import java.util.Map;
import java.util.Optional;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.time.Scheduler;

/**
 * Logging in at a desk phone: the agent names the extension they sit at, and the ACD rings that phone for their calls
 * (agent legs, transfers to them) instead of the phone the configuration gives them, until they log out. One agent per
 * extension at a time. Without an extension the agent uses their own phone. Runs on the ACD's owner.
 */
final class DeskLogins {
    private final AcdService acd;
    private final Scheduler scheduler;
    private final Map<String, AgentSession> agents;
    private final ExtensionPlan plan;

    DeskLogins(AcdService acd, Scheduler scheduler, Map<String, AgentSession> agents, ExtensionPlan plan) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.agents = agents;
        this.plan = plan;
    }

    /**
     * Logs the agent in, at {@code extension} when given. An agent already logged in stays so; naming another extension
     * moves them there (not during a call). Refused: an extension the plan does not have, or one another agent is at.
     */
    AgentStatus login(AgentSession a, String extension) {
        if (extension == null) {
            return a.state == AgentState.LOGGED_OUT ? acd.change(a, AgentState.NOT_READY, "logged in", true) : a.status();
        }
        String phone = plan.dialString(extension);
        Optional<AgentSession> taken = agents.values().stream()
            .filter(o -> o != a && o.state != AgentState.LOGGED_OUT && extension.equals(o.extension)).findFirst();
        if (taken.isPresent()) {
            AgentProfile other = taken.get().profile;
            throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "extension", "extension " + extension + " is in use by agent "
                + other.id() + " (" + other.name() + "): pick the phone you sit at");
        }
        if (a.state == AgentState.LOGGED_OUT) {
            a.extension = extension;
            a.profile = a.profile.withPhone(phone);
            return acd.change(a, AgentState.NOT_READY, "logged in", true);
        }
        if (extension.equals(a.extension)) {
            return a.status();
        }
        if (a.callId != null) {
            throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "extension", "agent " + a.profile.id()
                + " cannot move to another phone during call " + a.callId);
        }
        a.extension = extension;
        a.profile = a.profile.withPhone(phone);
        // Same state: only the phone changed. Told like a state change so the desktop and the wallboard pick it up.
        acd.actions().notify(new DesktopEvent.AgentStateChanged(a.profile.id(), scheduler.clock().instant(), a.state, a.reason));
        return a.status();
    }
}

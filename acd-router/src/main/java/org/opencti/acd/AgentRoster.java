package org.opencti.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.opencti.acd.routing.AgentEntry;
import org.opencti.core.agent.AgentState;
import org.opencti.core.time.Scheduler;

/**
 * The agents as supervisors see and rearrange them: the roster (state, reason, since, call, queues) and moving an
 * agent between queues. Every method hops onto the ACD's owner, like {@link AcdService}'s own; get one from
 * {@link AcdService#roster()}.
 *
 * <p>A move is what Asterisk does with queue members (REMOVEMEMBER, ADDMEMBER): the agent's routing entry is logged out
 * of the engine and logged in again with the new queue priorities, because the engine works out what an agent qualifies
 * for once, at login. The agent keeps their state; a ready agent keeps their place for longest-idle (idle since they
 * went ready) and is offered the new queues' callers at once.
 */
public final class AgentRoster {
    /** Same bound as the configuration's (AgentDef.LOWEST_QUEUE_PRIORITY): 1 is the highest priority. */
    public static final int LOWEST_PRIORITY = 100;

    /** A queue the agent cannot be moved to; {@link #queue()} names it (the API's error names it too). */
    public static final class BadQueue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String queue;

        BadQueue(String queue, String message) {
            super(message);
            this.queue = queue;
        }

        public String queue() {
            return queue;
        }
    }

    private final AcdService acd;
    private final Scheduler scheduler;
    private final Map<String, AgentSession> agents;
    private final QueueRuleTimers timers;

    AgentRoster(AcdService acd, Scheduler scheduler, Map<String, AgentSession> agents, QueueRuleTimers timers) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.agents = agents;
        this.timers = timers;
    }

    /** The roster at one instant of the ACD's clock (what a page's "time in state" counts from). */
    public record Listing(Instant at, List<RosterEntry> agents) {
        public Listing {
            agents = List.copyOf(agents);
        }
    }

    /** Every agent, by id. */
    public CompletionStage<Listing> agents() {
        return onOwner(() -> {
            List<RosterEntry> out = new ArrayList<>(agents.size());
            agents.values().forEach(a -> out.add(entry(a)));
            out.sort(Comparator.comparing(RosterEntry::agentId));
            return new Listing(scheduler.clock().instant(), out);
        });
    }

    /**
     * Makes the agent serve exactly {@code queuePriorities} (queue name to priority, 1 = highest). Fails with
     * {@link NoSuchElementException} for an unknown agent, {@link BadQueue} for a queue that does not exist or whose
     * requirements the agent's skills never meet or a priority out of 1..100, and {@link IllegalStateException} while
     * the agent has a call (reserved, ringing, talking or holding): the call's queue must not change under it.
     */
    public CompletionStage<RosterEntry> move(String agentId, Map<String, Integer> queuePriorities) {
        return onOwner(() -> {
            acd.role().requireFloor();
            AgentSession a = agents.get(agentId);
            if (a == null) {
                throw new NoSuchElementException("unknown agent \"" + agentId + "\"");
            }
            Map<String, Integer> wanted = checked(a, queuePriorities);
            if (a.callId != null) {
                throw new IllegalStateException("agent " + agentId + " is busy with call " + a.callId + " ("
                    + a.state.name().toLowerCase().replace('_', ' ') + "): move them between queues after the call");
            }
            relogin(a, wanted, scheduler.clock().instant());
            return entry(a);
        });
    }

    private Map<String, Integer> checked(AgentSession a, Map<String, Integer> queuePriorities) {
        if (queuePriorities == null || queuePriorities.isEmpty()) {
            throw new BadQueue("", "an agent must serve at least one queue");
        }
        Map<String, Integer> wanted = new TreeMap<>();
        queuePriorities.forEach((name, priority) -> {
            QueueSetup q = name == null ? null : acd.queue(name);
            if (q == null) {
                throw new BadQueue(String.valueOf(name), "no such queue \"" + name + "\"");
            }
            if (priority == null || priority < 1 || priority > LOWEST_PRIORITY) {
                throw new BadQueue(name, "priority in " + name + " must be 1 (highest) to " + LOWEST_PRIORITY + ", not " + priority);
            }
            if (!q.everAdmits(a.profile.skills())) {
                // The engine would accept it and never offer a call: say so instead of moving the agent into silence.
                throw new BadQueue(name, "agent " + a.profile.id() + " lacks the skills queue " + name + " asks for at every step");
            }
            wanted.put(name, priority);
        });
        return wanted;
    }

    private void relogin(AgentSession a, Map<String, Integer> wanted, Instant now) {
        String id = a.profile.id();
        List<String> before = a.queues;
        boolean loggedIn = a.state != AgentState.LOGGED_OUT;
        if (loggedIn) {
            // The engine holds a logged-in agent exactly when they serve some queue (see AgentStates).
            if (!before.isEmpty()) {
                acd.engine().logout(id);
            }
            acd.recorder().agentQueues(id, before, now, false);
        }
        AgentProfile p = a.profile;
        a.profile = new AgentProfile(p.id(), p.name(), p.team(), p.phone(), p.skills(), wanted, p.weight());
        a.queues = List.copyOf(wanted.keySet());
        if (!loggedIn) {
            return;
        }
        acd.engine().login(new AgentEntry(id, p.skills(), wanted, p.weight()));
        acd.recorder().agentQueues(id, a.queues, now, true);
        if (a.state == AgentState.NOT_READY) {
            acd.recorder().paused(id, a.queues, a.reason, now, true);
        } else if (a.state == AgentState.READY) {
            acd.engine().available(id, a.since);
            acd.dispatch();
        }
        // Callers left behind may now have nobody logged in for them (the queue's rules for that apply).
        before.stream().filter(q -> !wanted.containsKey(q)).forEach(q -> timers.checkWaitingCalls(q, now));
    }

    private static RosterEntry entry(AgentSession a) {
        Map<String, Integer> queues = new TreeMap<>();
        a.queues.forEach(q -> queues.put(q, a.profile.queues().getOrDefault(q, 1)));
        return new RosterEntry(a.profile.id(), a.profile.name(), a.profile.team(), a.state, a.reason, a.since, a.callId, queues,
            a.state == AgentState.LOGGED_OUT ? null : a.extension);
    }

    private <T> CompletionStage<T> onOwner(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        acd.owner().execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opencti.core.agent.AgentState;
import org.opencti.core.time.Scheduler;

/**
 * The dialer's view of the logged-in agents ({@link OutboundAgents.Member}): an immutable list the runners read on their
 * own threads, rebuilt on the ACD's owner. An agent is free for outbound work only when READY, held by no campaign, and
 * no caller waits in a queue they serve (inbound first).
 *
 * <p>Every agent state change and every hangup asks for a rebuild ({@link #soon}); at a hundred calls a second that is
 * over a thousand a second, and a rebuild walks every logged-in agent, so it runs at once after a quiet spell and else at
 * most every {@link #REBUILD_SPACING}: the changes of a burst are folded into one rebuild that sees the state after them.
 * A snapshot that old costs nothing: the dialer paces in seconds, and a hold the snapshot allowed is checked again on the
 * owner ({@code OutboundAgents.held}). Also every 500 ms, for callers queued by the asynchronous lookup. On the owner,
 * except {@link #current} and {@link #onChange}.
 */
final class OutboundSnapshot {
    /** The least time between two rebuilds while changes keep coming. */
    static final Duration REBUILD_SPACING = Duration.ofMillis(50);
    private static final Duration TICK = Duration.ofMillis(500);

    private final AcdService acd;
    private final Scheduler scheduler;
    private final Map<String, Long> holds;
    private final Consumer<String> loggedOut;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<OutboundAgents.Member> current = List.of();
    private boolean pending;
    private Instant lastRebuild = Instant.MIN;

    /**
     * @param holds     the campaign holding each agent (read at each rebuild)
     * @param loggedOut told, at each rebuild, each agent who is logged out
     */
    OutboundSnapshot(AcdService acd, Scheduler scheduler, Map<String, Long> holds, Consumer<String> loggedOut) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.holds = holds;
        this.loggedOut = loggedOut;
    }

    /** Watches the agents and builds the first snapshot. On the owner. */
    void start() {
        acd.watchAgents(this::soon);
        now();
        tick();
    }

    private void tick() {
        scheduler.schedule(TICK, () -> acd.owner().execute(() -> {
            now();
            tick();
        }));
    }

    /** The logged-in agents as of the last rebuild, sorted by id; any thread. */
    List<OutboundAgents.Member> current() {
        return current;
    }

    /** Runs {@code listener} (on the ACD's owner; it must not block) whenever the snapshot changes. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Rebuilds soon: at once when the last rebuild is {@link #REBUILD_SPACING} old, else when it will be. On the owner. */
    void soon() {
        if (pending) {
            return;
        }
        pending = true;
        Runnable rebuild = () -> {
            pending = false;
            now();
        };
        Duration wait = Duration.between(scheduler.clock().instant(), lastRebuild.plus(REBUILD_SPACING));
        if (wait.isNegative() || wait.isZero()) {
            acd.owner().execute(rebuild);
        } else {
            scheduler.schedule(wait, () -> acd.owner().execute(rebuild));
        }
    }

    /**
     * Whether a caller waits in one of the agent's queues: then they are inbound's, not free for a campaign (a queue's count
     * of waiting callers is a field read, so this is asked per agent at each rebuild). On the owner.
     */
    boolean inboundNeeds(AgentSession a) {
        for (String q : a.queues) {
            if (acd.engine().waiting(q) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds now; tells the listeners when the snapshot changed. On the owner. */
    void now() {
        lastRebuild = scheduler.clock().instant();
        List<OutboundAgents.Member> next = new ArrayList<>();
        for (AgentSession a : acd.sessions()) {
            String id = a.profile.id();
            if (a.state == AgentState.LOGGED_OUT) {
                loggedOut.accept(id);
                continue;
            }
            Long heldBy = holds.get(id);
            boolean free = a.state == AgentState.READY && heldBy == null && !inboundNeeds(a);
            next.add(new OutboundAgents.Member(id, a.profile.skills(), a.state, a.since, free, heldBy));
        }
        next.sort(Comparator.comparing(OutboundAgents.Member::agentId));
        if (!next.equals(current)) {
            current = List.copyOf(next);
            listeners.forEach(Runnable::run);
        }
    }
}

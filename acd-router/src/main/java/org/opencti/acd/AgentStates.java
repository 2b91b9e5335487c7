package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencti.acd.routing.AgentEntry;
import org.opencti.acd.routing.RoutingEngine;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * Every agent state change goes through here, so the routing engine (available or not, logged in or out),
 * occupancy, the statistics, the queue_log (ADDMEMBER, PAUSE, ...), the desktop and the shared state store
 * all see the same change. Runs on the ACD's owner.
 */
final class AgentStates {
    private final SingleWriter owner;
    private final Scheduler scheduler;
    private final RoutingEngine engine;
    private final AcdRecorder recorder;
    private final AcdActions actions;
    private final FloorRole floor;
    /** Told after every change, on the owner (the dialer's view of the agents, {@link OutboundAgents}). */
    private final List<Runnable> watchers = new ArrayList<>();

    AgentStates(SingleWriter owner, Scheduler scheduler, RoutingEngine engine, AcdRecorder recorder, AcdActions actions,
                FloorRole floor) {
        this.owner = owner;
        this.floor = floor;
        this.scheduler = scheduler;
        this.engine = engine;
        this.recorder = recorder;
        this.actions = actions;
    }

    AgentStatus change(AgentSession a, AgentState state, String reason, boolean clearCall) {
        owner.assertOwner();
        Instant now = scheduler.clock().instant();
        AgentState was = a.state;
        if (a.busySince != null && !AgentSession.BUSY.contains(state)) {
            a.busyToday = a.busyToday.plus(Duration.between(a.busySince, now));
            a.busySince = null;
        } else if (a.busySince == null && AgentSession.BUSY.contains(state)) {
            a.busySince = now;
        }
        a.state = state;
        a.reason = reason;
        a.since = now;
        a.epoch++;
        if (clearCall) {
            a.callId = null;
        }
        String id = a.profile.id();
        boolean routable = !a.queues.isEmpty();
        if (was == AgentState.LOGGED_OUT && state != AgentState.LOGGED_OUT) {
            a.loggedInAt = now;
            a.busyToday = Duration.ZERO;
            a.busySince = null;
            if (routable) {
                engine.login(entry(a));
            }
            recorder.agentQueues(id, a.queues, now, true);
        }
        if (routable && state == AgentState.READY) {
            engine.available(id, now);
        } else if (routable && state != AgentState.LOGGED_OUT) {
            engine.unavailable(id);
        }
        if (state == AgentState.LOGGED_OUT && was != AgentState.LOGGED_OUT) {
            a.leaveDesk();
            if (routable) {
                engine.logout(id);
            }
            recorder.agentQueues(id, a.queues, now, false);
        }
        if (state == AgentState.NOT_READY && was != AgentState.NOT_READY) {
            recorder.paused(id, a.queues, reason, now, true);
        } else if (was == AgentState.NOT_READY && state == AgentState.READY) {
            recorder.paused(id, a.queues, reason, now, false);
        }
        recorder.agentState(id, state.name(), now);
        AgentStatus status = a.status();
        actions.publish(status, new DesktopEvent.AgentStateChanged(id, now, state, reason));
        floor.afterChange(a, state);
        watchers.forEach(Runnable::run);
        return status;
    }

    /**
     * A new floor holder takes an agent over as the shared store had them (logged out here until now): the routing engine
     * and the live statistics learn of them, the queue_log does not (nothing happened to the agent). {@code publish}: the
     * state differs from the stored one, so the store and the desktop hear of it.
     */
    void restore(AgentSession a, AgentState state, String reason, Instant since, String callId, boolean publish) {
        owner.assertOwner();
        Instant now = scheduler.clock().instant();
        a.state = state;
        a.reason = reason;
        a.since = since;
        a.callId = callId;
        a.epoch++;
        a.loggedInAt = now;
        a.busyToday = Duration.ZERO;
        a.busySince = AgentSession.BUSY.contains(state) ? since : null;
        String id = a.profile.id();
        if (!a.queues.isEmpty()) {
            engine.login(entry(a));
            if (state == AgentState.READY) {
                engine.available(id, since);
            } else {
                engine.unavailable(id);
            }
        }
        recorder.agentRestored(id, a.queues, state.name(), since);
        if (publish) {
            actions.publish(a.status(), new DesktopEvent.AgentStateChanged(id, now, state, reason));
        }
        watchers.forEach(Runnable::run);
    }

    /** This node stops following the agent (it left the floor): logged out here, nothing written anywhere. */
    void forget(AgentSession a) {
        owner.assertOwner();
        a.epoch++; // a pending wrap-up or breather timer finds it stale
        a.booking = null;
        a.callId = null;
        a.wrapCallId = null;
        if (a.state == AgentState.LOGGED_OUT) {
            return;
        }
        if (!a.queues.isEmpty()) {
            engine.logout(a.profile.id());
        }
        a.state = AgentState.LOGGED_OUT;
        a.reason = null;
        a.since = scheduler.clock().instant();
        a.busySince = null;
        recorder.agentRestored(a.profile.id(), List.of(), AgentState.LOGGED_OUT.name(), a.since);
        watchers.forEach(Runnable::run);
    }

    void watch(Runnable watcher) {
        watchers.add(watcher);
    }

    private AgentEntry entry(AgentSession a) {
        Map<String, Integer> priorities = new HashMap<>();
        for (String q : a.queues) {
            priorities.put(q, a.profile.queues().getOrDefault(q, 1));
        }
        return new AgentEntry(a.profile.id(), a.profile.skills(), priorities, a.profile.weight());
    }
}

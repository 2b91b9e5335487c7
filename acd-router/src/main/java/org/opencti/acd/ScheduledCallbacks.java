package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.opencti.core.agent.AgentState;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.callback.ScheduledCallback.Assignee;
import org.opencti.core.callback.ScheduledCallback.Status;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks agents schedule. Each open one is held here (by id) with a timer at its due time, and in the store, which
 * is the truth: every change is written first (optimistically, by version) and applied here once written, so a change
 * and the callback falling due cannot both win. When due, a callback becomes a callback call ({@link CallbackFlow}:
 * agent first, then the customer): "to me" is offered to its agent when they are ready (a call the engine does not see),
 * or goes to its queue after the grace period, or at once when they are logged out; "to the queue" waits in its queue
 * from its due time, routed like any call. On start the open ones are read back; those due meanwhile fire at once.
 * Runs on the ACD's owner; the store on the worker.
 */
final class ScheduledCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledCallbacks.class);
    /** How far ahead a callback may be scheduled. */
    static final Duration HORIZON = Duration.ofDays(366);
    /** Open callbacks one agent may have: bounds what a node holds. */
    static final int MAX_OPEN_PER_AGENT = 500;
    /** How soon a due callback is claimed again when the store could not be reached. */
    static final Duration CLAIM_RETRY = Duration.ofSeconds(30);
    static final String NOTE = "CTI_CALLBACK_NOTE";
    static final String FOR = "CTI_CALLBACK_FOR";

    private final AcdService acd;
    private final Scheduler scheduler;
    private final SingleWriter owner;
    private final Map<String, AgentSession> agents;
    private final Duration grace;
    private final Map<String, ScheduledCallback> open = new HashMap<>();
    private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
    /** Due, being claimed in the store: no change is accepted meanwhile. */
    private final Set<String> firing = new HashSet<>();
    /** "To me" calls due, waiting for their agent to be ready, by callback id, earliest first. */
    private final Map<String, InboundCall> awaiting = new LinkedHashMap<>();

    ScheduledCallbacks(AcdService acd, Scheduler scheduler, SingleWriter owner, Map<String, AgentSession> agents, Duration grace) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
        this.agents = agents;
        this.grace = grace;
    }

    private ScheduledCallbackStore store() {
        return acd.actions().desk().callbacks();
    }

    // ---- requests ----------------------------------------------------------------------------------

    CompletionStage<ScheduledCallback> schedule(String agentId, AgentDesk.CallbackRequest r) {
        CompletionStage<ScheduledCallback> drafted = Hop.on(owner, () -> draft(agentId, r));
        CompletionStage<ScheduledCallback> stored = Hop.then(drafted, acd.actions().worker(), c -> {
            store().add(c);
            return c;
        });
        return Hop.then(stored, owner, c -> {
            apply(c);
            return c;
        });
    }

    private ScheduledCallback draft(String agentId, AgentDesk.CallbackRequest r) {
        AgentSession a = agents.get(agentId);
        if (a == null) {
            throw new DeskRefusal(DeskRefusal.Kind.NOT_FOUND, "agent", "unknown agent \"" + agentId + "\"");
        }
        Instant now = scheduler.clock().instant();
        checkDue(r.due(), now);
        String queue = r.queue() != null ? r.queue() : queueOf(a);
        if (acd.queue(queue) == null) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "queue", "no such queue \"" + queue + "\"");
        }
        if (r.note() != null && r.note().length() > ScheduledCallback.MAX_NOTE) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "note", "at most " + ScheduledCallback.MAX_NOTE + " characters");
        }
        if (open.values().stream().filter(c -> c.agentId().equals(agentId)).count() >= MAX_OPEN_PER_AGENT) {
            throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "agent", "agent " + agentId + " has " + MAX_OPEN_PER_AGENT
                + " open callbacks already: make or cancel some first");
        }
        try {
            return new ScheduledCallback(UUID.randomUUID().toString(), agentId, r.assignee(), queue, r.number(), r.customerId(),
                r.due().at(), r.due().zone().getId(), r.note(), Status.PENDING, now, 0);
        } catch (IllegalArgumentException e) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "number", e.getMessage());
        }
    }

    /** The queue of the call the agent is on or wrapping up, else the first they serve, else the default queue. */
    private String queueOf(AgentSession a) {
        InboundCall call = a.callId == null ? null : acd.call(a.callId);
        if (call != null) {
            return call.queue;
        }
        if (a.wrapQueue != null && a.state == AgentState.WRAP_UP) {
            return a.wrapQueue;
        }
        return a.queues.isEmpty() ? acd.settings().defaultQueue() : a.queues.get(0);
    }

    private void checkDue(CallbackTime due, Instant now) {
        if (!due.at().isAfter(now)) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "dueAt", local(due.at(), due) + " (" + due.zone() + ") is in the past: it is "
                + local(now, due) + " there now");
        }
        if (due.at().isAfter(now.plus(HORIZON))) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "dueAt", "at most " + HORIZON.toDays() + " days ahead");
        }
    }

    private static LocalDateTime local(Instant at, CallbackTime in) {
        return LocalDateTime.ofInstant(at, in.zone()).withNano(0);
    }

    CompletionStage<ScheduledCallback> reschedule(String id, CallbackTime due) {
        return change(id, "move", c -> {
            checkDue(due, scheduler.clock().instant());
            return c.rescheduled(due.at(), due.zone().getId());
        });
    }

    CompletionStage<ScheduledCallback> cancel(String id) {
        return change(id, "cancel", c -> c.withStatus(Status.CANCELLED));
    }

    private CompletionStage<ScheduledCallback> change(String id, String what, UnaryOperator<ScheduledCallback> how) {
        CompletionStage<ScheduledCallback> next = Hop.on(owner, () -> {
            ScheduledCallback c = open.get(id);
            if (c == null) {
                throw new DeskRefusal(DeskRefusal.Kind.NOT_FOUND, "id", "no open callback \"" + id + "\"");
            }
            if (c.status() != Status.PENDING || firing.contains(id)) {
                throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "id", "callback " + id + " is being made now: too late to "
                    + what + " it");
            }
            return how.apply(c);
        });
        CompletionStage<ScheduledCallback> stored = Hop.then(next, acd.actions().worker(), c -> {
            if (!store().update(c)) {
                throw new DeskRefusal(DeskRefusal.Kind.CONFLICT, "id", "callback " + id + " changed meanwhile: read it again");
            }
            return c;
        });
        return Hop.then(stored, owner, c -> {
            apply(c);
            return c;
        });
    }

    /** The store holds {@code c} now: so does this node (never an older version over a newer one). */
    private void apply(ScheduledCallback c) {
        ScheduledCallback mine = open.get(c.id());
        if (mine != null && mine.version() > c.version()) {
            return;
        }
        cancelTimer(c.id());
        if (c.status().open()) {
            open.put(c.id(), c);
            if (c.status() == Status.PENDING) {
                arm(c);
            }
        } else {
            open.remove(c.id());
        }
        acd.actions().notify(new DesktopEvent.CallbacksChanged(c.agentId(), scheduler.clock().instant()));
    }

    /** Open callbacks, earliest due first. */
    List<ScheduledCallback> list() {
        List<ScheduledCallback> out = new ArrayList<>(open.values());
        out.sort(Comparator.comparing(ScheduledCallback::dueAt).thenComparing(ScheduledCallback::id));
        return out;
    }

    Optional<ScheduledCallback> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    // ---- restart -----------------------------------------------------------------------------------

    /** Reads the open callbacks back from the store: pending ones wait for their time (or fire now), active ones start again. */
    CompletionStage<Integer> restore() {
        return Hop.then(Hop.on(acd.actions().worker(), () -> store().open()), owner, list -> {
            for (ScheduledCallback c : list) {
                if (open.containsKey(c.id())) {
                    continue;
                }
                open.put(c.id(), c);
                // Active: this node stopped while making it; the call went with it, so it is made again.
                arm(c);
            }
            LOG.info("{} scheduled callbacks restored", list.size());
            return list.size();
        });
    }

    // ---- falling due -------------------------------------------------------------------------------

    private void arm(ScheduledCallback c) {
        cancelTimer(c.id());
        Duration delay = Duration.between(scheduler.clock().instant(), c.dueAt());
        long version = c.version();
        String id = c.id();
        timers.put(id, scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> owner.execute(() -> due(id, version))));
    }

    private void cancelTimer(String id) {
        Scheduler.Cancellable t = timers.remove(id);
        if (t != null) {
            t.cancel();
        }
    }

    /** Claims the callback in the store (the version it was armed for), then makes the call. */
    private void due(String id, long version) {
        ScheduledCallback c = open.get(id);
        if (c == null || c.version() != version) {
            return;
        }
        if (!acd.holdsFloor()) {
            // Only the floor holder makes calls: a standby keeps the callback armed, for when it takes the floor.
            timers.put(id, scheduler.schedule(CLAIM_RETRY, () -> owner.execute(() -> due(id, version))));
            return;
        }
        if (!firing.add(id)) {
            return;
        }
        timers.remove(id);
        ScheduledCallback active = c.withStatus(Status.ACTIVE);
        Hop.on(acd.actions().worker(), () -> store().update(active)).whenComplete((claimed, failure) -> owner.execute(() -> {
            firing.remove(id);
            if (failure != null) {
                // The store is unreachable: nothing was claimed, so try again shortly rather than make it unrecorded.
                LOG.warn("callback {} could not be claimed, trying again in {}: {}", id, CLAIM_RETRY, failure.toString());
                timers.put(id, scheduler.schedule(CLAIM_RETRY, () -> owner.execute(() -> due(id, version))));
                return;
            }
            if (!claimed) {
                LOG.warn("callback {} changed meanwhile: reading it again", id);
                Hop.then(Hop.on(acd.actions().worker(), () -> store().find(id)), owner, found -> {
                    found.ifPresentOrElse(this::apply, () -> open.remove(id));
                    return null;
                });
                return;
            }
            apply(active);
            acd.actions().screenPop(active.number()).whenComplete((pop, popFailure) -> owner.execute(() -> start(active, pop)));
        }));
    }

    private void start(ScheduledCallback c, ScreenPop found) {
        ScreenPop pop = found != null ? found : new ScreenPop(c.number(), c.number(), ScreenPop.Outcome.DEGRADED, null, 0);
        String queue = acd.queue(c.queue()) != null ? c.queue() : acd.settings().defaultQueue();
        InboundCall call = new InboundCall("cb-" + c.id(), null, "sched-" + c.id(), null, c.number(), null, queue, c.dueAt());
        call.callback = true;
        call.scheduledId = c.id();
        call.pop = pop;
        call.customerId = c.customerId() != null ? c.customerId() : pop.customer().map(p -> p.customer().id()).orElse(null);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(FOR, c.assignee() == Assignee.AGENT ? c.agentId() : queue);
        if (!c.note().isBlank()) {
            data.put(NOTE, c.note());
        }
        call.callData = data;
        acd.calls().add(call);
        if (c.assignee() == Assignee.AGENT) {
            call.assignedAgent = c.agentId();
            awaitAgent(call);
        } else {
            toQueue(call);
        }
    }

    /** A "to me" call goes to its agent when they are ready; after the grace (or at once when logged out) to its queue. */
    private void awaitAgent(InboundCall call) {
        AgentSession a = agents.get(call.assignedAgent);
        if (a == null || a.state == AgentState.LOGGED_OUT) {
            toQueue(call);
        } else if (free(a)) {
            acd.legs().offer(call, a, scheduler.clock().instant());
        } else {
            call.stage = InboundCall.Stage.WAITING;
            awaiting.put(call.scheduledId, call);
            String id = call.scheduledId;
            timers.put(id, scheduler.schedule(grace, () -> owner.execute(() -> {
                InboundCall still = awaiting.remove(id);
                if (still != null) {
                    toQueue(still);
                }
            })));
        }
    }

    private static boolean free(AgentSession a) {
        return a.state == AgentState.READY && a.callId == null;
    }

    /** Before each routing pass: a due "to me" call goes to its agent first if they are free now. */
    void offerToFreeAgents() {
        if (awaiting.isEmpty()) {
            return;
        }
        for (InboundCall call : List.copyOf(awaiting.values())) {
            AgentSession a = agents.get(call.assignedAgent);
            if (a != null && free(a) && awaiting.remove(call.scheduledId) != null) {
                cancelTimer(call.scheduledId);
                acd.legs().offer(call, a, scheduler.clock().instant());
            }
        }
    }

    private void toQueue(InboundCall call) {
        call.assignedAgent = null;
        acd.callbacks().enqueue(call);
    }

    /** A "to me" callback whose customer did not answer: back to its agent (or its queue) later. */
    void retryLater(InboundCall call, Duration after) {
        call.stage = InboundCall.Stage.WAITING;
        String callId = call.callId;
        timers.put(call.scheduledId, scheduler.schedule(after, () -> owner.execute(() -> {
            InboundCall c = acd.call(callId);
            if (c == call && c.stage == InboundCall.Stage.WAITING && c.assignedAgent != null) {
                timers.remove(c.scheduledId);
                awaitAgent(c);
            }
        })));
    }

    /** The customer answered: the callback is done. */
    void reached(InboundCall call) {
        close(call.scheduledId, Status.DONE);
    }

    /** Every attempt failed. */
    void failed(InboundCall call) {
        close(call.scheduledId, Status.FAILED);
    }

    private void close(String id, Status status) {
        ScheduledCallback c = open.get(id);
        if (c == null) {
            return;
        }
        ScheduledCallback closed = c.withStatus(status);
        Hop.on(acd.actions().worker(), () -> store().update(closed)).whenComplete((ok, failure) -> owner.execute(() -> {
            if (failure != null || !ok) {
                LOG.warn("callback {} could not be marked {}: {}", id, status, failure == null ? "changed meanwhile" : failure.toString());
            }
            apply(closed);
        }));
    }
}

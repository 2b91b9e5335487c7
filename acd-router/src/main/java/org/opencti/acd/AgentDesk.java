package org.opencti.acd;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent does at the desk beyond taking calls: log in at a desk phone ({@link DeskLogins}), dial a customer
 * ({@link ClickToDial}), schedule callbacks ({@link ScheduledCallbacks}). Get it from {@link AcdService#desk()}; every
 * method hops onto the ACD's owner (and the store or the do-not-call check onto its worker). Refusals are
 * {@link DeskRefusal}s naming the field at fault.
 */
public final class AgentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);

    /** A callback with the team of the agent who owns it (a supervisor may change their team's). */
    public record OwnedCallback(ScheduledCallback callback, String ownerTeam) {
    }

    /**
     * What an agent schedules: who calls ({@code AGENT}: they themselves; {@code QUEUE}: whoever the queue routes it to),
     * in which queue (null: the queue of their call, else the first they serve), whom (E.164), when, and a note.
     */
    public record CallbackRequest(ScheduledCallback.Assignee assignee, String queue, String number, Long customerId,
                                  CallbackTime due, String note) {
        public CallbackRequest {
            Objects.requireNonNull(assignee, "assignee");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(due, "due");
        }
    }

    private final AcdService acd;
    private final Scheduler scheduler;
    private final SingleWriter owner;
    private final Map<String, AgentSession> agents;
    private final DeskSettings settings;
    private final DeskLogins logins;
    private final ClickToDial dialing;
    private final ScheduledCallbacks scheduled;

    AgentDesk(AcdService acd, Scheduler scheduler, SingleWriter owner, Map<String, AgentSession> agents, DeskSettings settings) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
        this.agents = agents;
        this.settings = settings;
        this.logins = new DeskLogins(acd, scheduler, agents, settings.extensions());
        this.dialing = new ClickToDial(acd, scheduler);
        this.scheduled = new ScheduledCallbacks(acd, scheduler, owner, agents, settings.callbackGrace());
    }

    public DeskSettings settings() {
        return settings;
    }

    // ---- desk extension ----------------------------------------------------------------------------

    /**
     * Logs the agent in at {@code extension} (null: their own phone), or moves a logged-in agent there; the extension is
     * remembered for their next login. Refused: not a desk extension here (INVALID), another agent is at it or the agent
     * is on a call (CONFLICT).
     */
    public CompletionStage<AgentStatus> login(String agentId, String extension) {
        CompletionStage<AgentStatus> done = Hop.on(owner, () -> {
            acd.role().requireFloor();
            return logins.login(agent(agentId), extension);
        });
        if (extension != null) {
            done.thenRun(() -> acd.actions().worker().execute(() -> {
                try {
                    acd.actions().desk().defaults().rememberExtension(agentId, extension, scheduler.clock().instant());
                } catch (RuntimeException e) {
                    LOG.warn("could not remember extension {} of agent {}: {}", extension, agentId, e.toString());
                }
            }));
        }
        return done;
    }

    /** The desk extension the agent is logged in at; empty while at their own phone (or logged out). */
    public CompletionStage<Optional<String>> extension(String agentId) {
        return Hop.on(owner, () -> Optional.ofNullable(agent(agentId).extension));
    }

    /** The extension the agent logged in at last time (from the store), to offer again. */
    public CompletionStage<Optional<String>> lastExtension(String agentId) {
        return Hop.on(acd.actions().worker(), () -> acd.actions().desk().defaults().extension(agentId));
    }

    // ---- click-to-dial -----------------------------------------------------------------------------

    /**
     * The ready agent calls {@code e164}: the agent's phone rings, then the customer's. {@code customerId}: whose record the
     * number was taken from (checked by the caller); null: typed by hand, allowed only with manual dialing. Refused: typed
     * without manual dialing or on a do-not-call list (FORBIDDEN), the agent not ready (CONFLICT).
     */
    public CompletionStage<AgentStatus> dial(String agentId, String e164, Long customerId) {
        CompletionStage<AgentSession> ready = Hop.on(owner, () -> {
            acd.role().requireFloor();
            AgentSession a = dialing.requireReady(agent(agentId));
            if (customerId == null && !settings.manualDialing()) {
                throw new DeskRefusal(DeskRefusal.Kind.FORBIDDEN, "number",
                    "manual dialing is off here: dial a number from a customer's record");
            }
            return a;
        });
        CompletionStage<AgentSession> cleared = Hop.then(ready, acd.actions().worker(), a -> {
            acd.actions().desk().guard().refusal(e164).ifPresent(why -> {
                throw new DeskRefusal(DeskRefusal.Kind.FORBIDDEN, "number", e164 + " may not be called: " + why);
            });
            return a;
        });
        return cleared.thenCompose(a -> acd.actions().screenPop(e164))
            .thenCompose(pop -> Hop.on(owner, () -> dialing.start(agent(agentId), e164, customerId, pop)));
    }

    // ---- scheduled callbacks -----------------------------------------------------------------------

    public CompletionStage<ScheduledCallback> schedule(String agentId, CallbackRequest request) {
        return scheduled.schedule(agentId, request);
    }

    /** Moves a pending callback; refused (CONFLICT) once it is being made or when it changed meanwhile. */
    public CompletionStage<ScheduledCallback> reschedule(String id, CallbackTime due) {
        return scheduled.reschedule(id, due);
    }

    /** Cancels a pending callback; refused (CONFLICT) once it is being made or when it changed meanwhile. */
    public CompletionStage<ScheduledCallback> cancel(String id) {
        return scheduled.cancel(id);
    }

    /** Every open callback (pending or being made), earliest due first. */
    public CompletionStage<List<OwnedCallback>> callbacks() {
        return Hop.on(owner, () -> scheduled.list().stream().map(this::owned).toList());
    }

    public CompletionStage<Optional<OwnedCallback>> callback(String id) {
        return Hop.on(owner, () -> scheduled.find(id).map(this::owned));
    }

    /** Reads the open callbacks back from the store (call once at start); those due meanwhile are made at once. */
    public CompletionStage<Integer> restore() {
        return scheduled.restore();
    }

    private OwnedCallback owned(ScheduledCallback c) {
        AgentSession a = agents.get(c.agentId());
        return new OwnedCallback(c, a == null ? null : a.profile.team());
    }

    // ---- for the flows -----------------------------------------------------------------------------

    ClickToDial dialing() {
        return dialing;
    }

    ScheduledCallbacks scheduled() {
        return scheduled;
    }

    private AgentSession agent(String agentId) {
        AgentSession a = agents.get(agentId);
        if (a == null) {
            throw new DeskRefusal(DeskRefusal.Kind.NOT_FOUND, "agent", "unknown agent \"" + agentId + "\"");
        }
        return a;
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * After-call work: timed by the queue's wrap-up, extendable up to its maximum, finishable early; then ready,
 * or a short breather first for an agent above the queue's occupancy cap. Runs on the ACD's owner.
 */
final class WrapUps {
    private final AcdService acd;
    private final Scheduler scheduler;
    private final SingleWriter owner;
    private final AfterCallWork work;

    WrapUps(AcdService acd, Scheduler scheduler, SingleWriter owner) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
        this.work = new AfterCallWork(acd);
    }

    /** Call after the call's history row was handed on ({@link AcdActions#record}): the wrap-up's updates follow it. */
    void start(AgentSession a, InboundCall call, Instant now) {
        work.callEnded(a, call, now);
        acd.change(a, AgentState.WRAP_UP, null, true);
        a.wrapCallId = call.callId;
        a.wrapQueue = call.queue;
        a.wrapStarted = now;
        scheduleEnd(a, now.plus(acd.queue(call.queue).wrapUp()));
    }

    void extend(AgentSession a, Duration extra) {
        requireWrapUp(a);
        if (extra == null || extra.isNegative() || extra.isZero()) {
            throw new IllegalArgumentException("the extension must be positive");
        }
        Instant cap = a.wrapStarted.plus(acd.queue(a.wrapQueue).maxWrapUp());
        Instant wanted = a.wrapEnds.plus(extra);
        scheduleEnd(a, wanted.isAfter(cap) ? cap : wanted);
    }

    void finish(AgentSession a) {
        requireWrapUp(a);
        end(a);
    }

    /** The agent's disposition and notes for their last call; with {@code finish}, the wrap-up of that call then ends. */
    AgentStatus submit(AgentSession a, WrapUpEntry entry) {
        work.submit(a, entry, scheduler.clock().instant());
        if (entry.finish() && a.state == AgentState.WRAP_UP) {
            end(a);
        }
        return a.status();
    }

    Optional<WrapUpForm> form(AgentSession a) {
        return work.form(a, scheduler.clock().instant());
    }

    private static void requireWrapUp(AgentSession a) {
        if (a.state != AgentState.WRAP_UP) {
            throw new IllegalStateException("agent " + a.profile.id() + " is not in wrap-up");
        }
    }

    private void scheduleEnd(AgentSession a, Instant ends) {
        a.wrapEnds = ends;
        long epoch = ++a.epoch;
        Duration delay = Duration.between(scheduler.clock().instant(), ends);
        scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> owner.execute(() -> {
            if (a.epoch == epoch && a.state == AgentState.WRAP_UP) {
                end(a);
            }
        }));
    }

    private void end(AgentSession a) {
        Instant now = scheduler.clock().instant();
        acd.recorder().wrapUpEnded(a.wrapCallId, now);
        if (a.wrapCallId != null && a.wrapStarted != null) {
            work.wrapUpEnded(a, a.wrapCallId, Duration.between(a.wrapStarted, now).toSeconds());
        }
        QueueSetup q = acd.queue(a.wrapQueue);
        a.wrapCallId = null;
        if (q.occupancyCapPercent() != null && a.occupancyPercent(now) > q.occupancyCapPercent()) {
            // Over the occupancy cap: a short breather before the next call, then ready by itself.
            acd.change(a, AgentState.NOT_READY, "occupancy guard", true);
            long epoch = a.epoch;
            scheduler.schedule(QueueRuleTimers.BREATHER, () -> owner.execute(() -> {
                if (a.epoch == epoch && a.state == AgentState.NOT_READY) {
                    acd.agentReadyAgain(a);
                }
            }));
            return;
        }
        acd.agentReadyAgain(a);
    }
}

package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import org.opencti.core.agent.AgentState;
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

    WrapUps(AcdService acd, Scheduler scheduler, SingleWriter owner) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
    }

    void start(AgentSession a, InboundCall call, Instant now) {
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

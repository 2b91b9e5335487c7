package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencti.acd.overflow.OverflowAction;
import org.opencti.acd.overflow.QueueSituation;
import org.opencti.acd.routing.QueuedCall;
import org.opencti.core.time.Scheduler;
import org.opencti.core.time.SingleWriter;

/**
 * The queue rules that act on time: overflow on arrival and while waiting (max wait, max length, nobody
 * logged in, closed), opening hours, and the re-route when a waiting call reaches its next requirement
 * step. One timer per call and one per queue calendar, never a poll. Runs on the ACD's owner.
 */
final class QueueRuleTimers {
    /** After a call that took an agent over the occupancy cap, this long before the next. */
    static final Duration BREATHER = Duration.ofSeconds(30);
    /** Overflow chains are validated loop-free; this only guards against a bad rule set slipping through. */
    private static final int MAX_HOPS = 8;

    private final AcdService acd;
    private final Scheduler scheduler;
    private final SingleWriter owner;
    private Instant nextRouteAt;
    private Scheduler.Cancellable routeTimer;

    QueueRuleTimers(AcdService acd, Scheduler scheduler, SingleWriter owner) {
        this.acd = acd;
        this.scheduler = scheduler;
        this.owner = owner;
    }

    /** The caller is identified: apply the queue's arrival rules, then take a place in line. */
    void arrive(InboundCall call, Instant now) {
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            QueueSetup q = acd.queue(call.queue);
            OverflowAction action = q.overflow().onArrival(situation(call, now, 1));
            if (action instanceof OverflowAction.ToQueue to && acd.queue(to.queue()) != null && hop + 1 < MAX_HOPS) {
                call.queue = to.queue();
                continue;
            }
            if (act(call, action)) {
                return;
            }
            break;
        }
        call.stage = InboundCall.Stage.WAITING;
        acd.engine().enqueue(new QueuedCall(call.callId, call.queue, call.waitingSince, call.caller, call.skills));
        call.originalPosition = acd.engine().positionOf(call.callId);
        acd.recorder().queued(call, call.tier, call.originalPosition);
        acd.mirror().waiting(call);
        scheduleOverflowCheck(call, now);
        acd.dispatch();
    }

    /** One timer per waiting call, at its next max-wait deadline (and one for its next position announcement). */
    void scheduleOverflowCheck(InboundCall call, Instant now) {
        call.cancelWaitingTimers();
        scheduleAnnouncement(call);
        Optional<Instant> at = acd.queue(call.queue).overflow().nextCheckAt(call.waitingSince, now);
        if (at.isEmpty()) {
            return;
        }
        String callId = call.callId;
        call.overflowCheck = scheduler.schedule(until(now, at.get()), () -> owner.execute(() -> {
            InboundCall c = acd.call(callId);
            if (c != null && c.stage == InboundCall.Stage.WAITING) {
                checkWhileWaiting(c, scheduler.clock().instant());
            }
        }));
    }

    /**
     * Every so often a waiting caller is taken to the announcement context, which says their position and
     * expected wait and sends them back to hold, where the ACD already knows them (their place is kept).
     */
    private void scheduleAnnouncement(InboundCall call) {
        Duration every = acd.queue(call.queue).announceEvery();
        if (every == null || call.callerChannel == null) {
            return;
        }
        String callId = call.callId;
        call.announcement = scheduler.schedule(every, () -> owner.execute(() -> {
            InboundCall c = acd.call(callId);
            if (c == null || c.stage != InboundCall.Stage.WAITING) {
                return;
            }
            Instant t = scheduler.clock().instant();
            int position = Math.max(1, acd.engine().positionOf(callId));
            Optional<Duration> wait = acd.recorder().expectedWait(c.queue, position, acd.engine().loggedInAgents(c.queue), t);
            acd.actions().setVariable(c.callerChannel, "CTI_POSITION", Integer.toString(position));
            acd.actions().setVariable(c.callerChannel, "CTI_WAIT_MINUTES",
                wait.map(w -> Long.toString(Math.max(1, (w.toSeconds() + 59) / 60))).orElse(""));
            acd.actions().redirect(c.callerChannel, acd.settings().announceContext(), "s");
            scheduleAnnouncement(c);
        }));
    }

    /** Re-check every waiting call of a queue (it closed, or its last agent logged out). */
    void checkWaitingCalls(String queue, Instant now) {
        for (QueuedCall waiting : List.copyOf(acd.engine().waitingCalls(queue))) {
            InboundCall c = acd.call(waiting.callId());
            if (c != null && c.stage == InboundCall.Stage.WAITING) {
                checkWhileWaiting(c, now);
            }
        }
    }

    private void checkWhileWaiting(InboundCall call, Instant now) {
        int position = Math.max(1, acd.engine().positionOf(call.callId));
        OverflowAction action = acd.queue(call.queue).overflow().onWait(situation(call, now, 0));
        if (action instanceof OverflowAction.ToQueue to && acd.queue(to.queue()) != null) {
            String from = call.queue;
            acd.engine().moveToQueue(call.callId, to.queue());
            call.queue = to.queue();
            acd.recorder().overflowed(call, from, to.queue(), now, position);
            acd.mirror().waiting(call);
            scheduleOverflowCheck(call, now);
            acd.dispatch();
            return;
        }
        if (action instanceof OverflowAction.Stay
            || action instanceof OverflowAction.OfferCallback && !CallbackFlow.canCallBack(call)) {
            scheduleOverflowCheck(call, now);
            return;
        }
        acd.engine().remove(call.callId);
        acd.recorder().leftQueue(call, now, position);
        act(call, action);
    }

    /** Carries out voicemail or callback; returns false for Stay (and for a target queue that does not exist). */
    private boolean act(InboundCall call, OverflowAction action) {
        AcdSettings s = acd.settings();
        if (action instanceof OverflowAction.ToVoicemail vm) {
            acd.actions().redirect(call.callerChannel, s.voicemailContext(), vm.mailbox());
            acd.leftQueues(call, "voicemail");
            return true;
        }
        if (action instanceof OverflowAction.OfferCallback) {
            // The callback takes the caller's place in line; without a number to call, the caller stays.
            if (!acd.callbacks().requested(call)) {
                return false;
            }
            acd.actions().redirect(call.callerChannel, s.callbackContext(), "s");
            acd.leftQueues(call, "callback requested");
            return true;
        }
        return false;
    }

    private QueueSituation situation(InboundCall call, Instant now, int arriving) {
        QueueSetup q = acd.queue(call.queue);
        return new QueueSituation(now, call.waitingSince, acd.engine().waiting(call.queue) + arriving,
            acd.engine().loggedInAgents(call.queue), q.calendar().isOpen(now));
    }

    /** Opening and closing times: at each change, calls waiting in a queue that closed get its closed rule. */
    void watchCalendar(QueueSetup q, Instant now) {
        q.calendar().nextChange(now).ifPresent(at -> scheduler.schedule(until(now, at), () -> owner.execute(() -> {
            Instant t = scheduler.clock().instant();
            if (!q.calendar().isOpen(t)) {
                checkWaitingCalls(q.name(), t);
            }
            watchCalendar(q, t);
        })));
    }

    /** A waiting call reaches its next requirement step at {@code at}: route again then (one timer, the earliest). */
    void routeAgainAt(Instant at, Instant now) {
        if (nextRouteAt != null && !nextRouteAt.isAfter(at) && nextRouteAt.isAfter(now)) {
            return;
        }
        if (routeTimer != null) {
            routeTimer.cancel();
        }
        nextRouteAt = at;
        routeTimer = scheduler.schedule(until(now, at), () -> owner.execute(() -> {
            nextRouteAt = null;
            routeTimer = null;
            acd.dispatch();
        }));
    }

    private static Duration until(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}

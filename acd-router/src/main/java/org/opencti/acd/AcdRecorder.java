package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.acd.stats.QueueStatistics;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.queuelog.QueueLogEntry;

/**
 * The moments of a call and an agent's day, written twice: into the live statistics (wallboards) and into
 * the queue_log in Asterisk's format (reports, existing tools). The ACD calls it on its owner thread.
 */
final class AcdRecorder {
    /** The queue_log INFO row that gives a call's after-call work: {@code INFO|WRAPUP|seconds}. */
    static final String WRAPUP = "WRAPUP";

    private final QueueStatistics stats;
    private final QueueLog log;
    /** Agents who have their customer on hold now, since when. */
    private final Map<String, Instant> holdingSince = new HashMap<>();
    /** Hold time of each agent's current call, up to the start of the current hold. */
    private final Map<String, Duration> heldOnCall = new HashMap<>();
    /** Calls in after-call work, by call id: logged as INFO|WRAPUP when it ends. */
    private final Map<String, WrapUp> wrapping = new HashMap<>();

    private record WrapUp(String queue, String agentId, Instant started) {
    }

    AcdRecorder(QueueStatistics stats, QueueLog log) {
        this.stats = stats;
        this.log = log;
    }

    void queued(InboundCall call, String tier, int position) {
        stats.callQueued(call.callId, call.queue, tier, call.waitingSince);
        log.append(QueueLogEntry.enterQueue(call.waitingSince, call.callId, call.queue, "", nullToEmpty(call.callerNumber), position));
    }

    void overflowed(InboundCall call, String from, String to, Instant at, int position) {
        stats.callOverflowed(call.callId, to, at);
        log.append(QueueLogEntry.exitWithTimeout(at, call.callId, from, position, position, seconds(call.waitingSince, at)));
        log.append(QueueLogEntry.enterQueue(at, call.callId, to, "", nullToEmpty(call.callerNumber), position));
    }

    /** The call left the queues for voicemail or a callback. */
    void leftQueue(InboundCall call, Instant at, int position) {
        stats.callAbandoned(call.callId, at);
        log.append(QueueLogEntry.exitWithTimeout(at, call.callId, call.queue, position, position, seconds(call.waitingSince, at)));
    }

    void answered(InboundCall call, String agentId, Instant at) {
        stats.callAnswered(call.callId, at);
        log.append(QueueLogEntry.connect(at, call.callId, call.queue, agentId, seconds(call.waitingSince, at),
            nullToEmpty(call.agentLegUniqueId), seconds(call.offeredAt == null ? at : call.offeredAt, at)));
    }

    void ringNoAnswer(InboundCall call, String agentId, Instant at) {
        log.append(QueueLogEntry.ringNoAnswer(at, call.callId, call.queue, agentId,
            Duration.between(call.offeredAt == null ? at : call.offeredAt, at).toMillis()));
    }

    void abandoned(InboundCall call, Instant at, int position) {
        stats.callAbandoned(call.callId, at);
        log.append(QueueLogEntry.abandon(at, call.callId, call.queue, Math.max(position, 1), Math.max(call.originalPosition, 1),
            seconds(call.waitingSince, at)));
    }

    /**
     * The agent's leg ended in a transfer: BLINDTRANSFER (extension and context where the caller went) or
     * ATTENDEDTRANSFER (method BRIDGE, the target as destination) instead of COMPLETEAGENT, as Asterisk's app_queue
     * writes them, so the reports count the transfer.
     */
    void transferred(InboundCall call, String kind, String extension, String context, Instant at) {
        ended(call, at);
        long hold = seconds(call.waitingSince, call.answeredAt);
        long talk = seconds(call.answeredAt, at);
        int position = Math.max(call.originalPosition, 1);
        log.append("blind".equals(kind)
            ? QueueLogEntry.blindTransfer(at, call.callId, call.queue, call.agentId, extension, context, hold, talk, position)
            : QueueLogEntry.attendedTransfer(at, call.callId, call.queue, call.agentId, "BRIDGE", extension, hold, talk, position));
    }

    void completed(InboundCall call, boolean callerHungUp, Instant at) {
        ended(call, at);
        if (call.agentDialed) {
            return; // an agent's own outbound call was never in a queue: the queue_log has nothing to close
        }
        long hold = seconds(call.waitingSince, call.answeredAt);
        long talk = seconds(call.answeredAt, at);
        log.append(callerHungUp
            ? QueueLogEntry.completeCaller(at, call.callId, call.queue, call.agentId, hold, talk, Math.max(call.originalPosition, 1))
            : QueueLogEntry.completeAgent(at, call.callId, call.queue, call.agentId, hold, talk, Math.max(call.originalPosition, 1)));
    }

    /** The conversation is over: statistics, the hold time the history row gets, and the wrap-up to come. */
    private void ended(InboundCall call, Instant at) {
        stats.callEnded(call.callId, at);
        // A call may end with the customer on hold: that hold lasts until now.
        Duration held = heldOnCall.getOrDefault(call.agentId, Duration.ZERO);
        Instant holding = holdingSince.get(call.agentId);
        call.holdSeconds = held.plus(holding == null ? Duration.ZERO : Duration.between(holding, at)).toSeconds();
        wrapping.put(call.callId, new WrapUp(call.queue, call.agentId, at));
    }

    void wrapUpEnded(String callId, Instant at) {
        stats.wrapUpEnded(callId, at);
        WrapUp wrap = callId == null ? null : wrapping.remove(callId);
        if (wrap != null) {
            // Asterisk has no wrap-up event; an INFO row keeps the queue_log readable by the tools that know it.
            log.append(QueueLogEntry.info(at, callId, wrap.queue(), wrap.agentId(), WRAPUP,
                Long.toString(seconds(wrap.started(), at))));
        }
    }

    void agentQueues(String agentId, List<String> queues, Instant at, boolean added) {
        stats.agentQueues(agentId, added ? Set.copyOf(queues) : Set.of());
        for (String queue : queues) {
            log.append(added ? QueueLogEntry.addMember(at, queue, agentId) : QueueLogEntry.removeMember(at, queue, agentId));
        }
    }

    void agentState(String agentId, String state, Instant at) {
        stats.agentState(agentId, state, at);
        Instant holding = holdingSince.remove(agentId);
        if (holding != null) {
            heldOnCall.merge(agentId, Duration.between(holding, at), Duration::plus);
        }
        if ("ON_HOLD".equals(state)) {
            holdingSince.put(agentId, at);
        } else if (!"ON_CALL".equals(state)) {
            // the call is over (completed() has taken its hold time): the next one starts from zero
            heldOnCall.remove(agentId);
        }
        if ("LOGGED_OUT".equals(state)) {
            // after-call work cut short by a logout never ends by itself: forget it
            wrapping.values().removeIf(w -> agentId.equals(w.agentId()));
        }
    }

    /** A new floor holder follows an agent as stored (or stops following them): the statistics only, no queue_log row. */
    void agentRestored(String agentId, List<String> queues, String state, Instant at) {
        stats.agentQueues(agentId, Set.copyOf(queues));
        stats.agentState(agentId, state, at);
    }

    /** A new floor holder follows a call the last holder queued (and maybe connected): the statistics only. */
    void adopted(InboundCall call) {
        stats.callQueued(call.callId, call.queue, call.tier, call.waitingSince);
        if (call.answeredAt != null) {
            stats.callAnswered(call.callId, call.answeredAt);
        }
    }

    void paused(String agentId, List<String> queues, String reason, Instant at, boolean paused) {
        for (String queue : queues) {
            log.append(paused ? QueueLogEntry.pause(at, queue, agentId, nullToEmpty(reason))
                : QueueLogEntry.unpause(at, queue, agentId, nullToEmpty(reason)));
        }
    }

    QueueSnapshot snapshot(String queue, Instant now) {
        return stats.snapshot(queue, now);
    }

    Optional<Duration> expectedWait(String queue, int position, int agents, Instant now) {
        return stats.expectedWait(queue, position, agents, now);
    }

    private static long seconds(Instant from, Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package org.opencti.dialer.pacing;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencti.core.time.Scheduler;

/**
 * Where a live answer meets an agent: at once if one is free, else the first agent freed within the connect deadline
 * (2 s under the TSR), else the safe-harbour message and the call counts as abandoned. Agents in a nailed-up session
 * hear nothing ring, so "connected" here is the moment the bridge is made. An abandon is recorded in the campaign's
 * {@link AbandonRate} here; a connect is recorded by whoever learns what answered (the agent's first seconds tell a
 * person from a machine AMD let through: {@link AbandonRate#connected()} or {@link AbandonRate#machineAtAgent()}).
 * Runs on the campaign's thread; the deadline is a timer on the injected scheduler.
 */
public final class LiveAnswerGate {
    /** What the gate decided for a call. */
    public interface Listener {
        void connect(String callId, String agentId);

        void safeHarbour(String callId);
    }

    private final Scheduler scheduler;
    private final Duration deadline;
    private final Supplier<Optional<String>> claimFreeAgent;
    private final AbandonRate abandonRate;
    private final Listener listener;
    private final Map<String, Scheduler.Cancellable> waiting = new LinkedHashMap<>();

    /**
     * @param claimFreeAgent takes a free agent of the campaign off the free list, if there is one
     */
    public LiveAnswerGate(Scheduler scheduler, Duration deadline, Supplier<Optional<String>> claimFreeAgent, AbandonRate abandonRate,
                          Listener listener) {
        if (deadline.isNegative() || deadline.compareTo(PacingSettings.TSR_CONNECT) > 0) {
            throw new IllegalArgumentException("connect deadline must be in [0, 2 s], got " + deadline);
        }
        this.scheduler = scheduler;
        this.deadline = deadline;
        this.claimFreeAgent = claimFreeAgent;
        this.abandonRate = abandonRate;
        this.listener = listener;
    }

    /** A call that needs an agent was answered (the greeting is complete, or AMD has decided). */
    public void liveAnswer(String callId) {
        if (waiting.containsKey(callId)) {
            throw new IllegalStateException("call " + callId + " is already waiting for an agent");
        }
        Optional<String> agent = claimFreeAgent.get();
        if (agent.isPresent()) {
            listener.connect(callId, agent.get());
            return;
        }
        waiting.put(callId, scheduler.schedule(deadline, () -> {
            if (waiting.remove(callId) != null) {
                abandonRate.abandoned();
                listener.safeHarbour(callId);
            }
        }));
    }

    /** An agent became free: the longest-waiting call takes them. False when no call was waiting. */
    public boolean agentFreed(String agentId) {
        Iterator<Map.Entry<String, Scheduler.Cancellable>> it = waiting.entrySet().iterator();
        if (!it.hasNext()) {
            return false;
        }
        Map.Entry<String, Scheduler.Cancellable> first = it.next();
        it.remove();
        first.getValue().cancel();
        listener.connect(first.getKey(), agentId);
        return true;
    }

    /** The caller hung up while waiting (inside the deadline): counted as abandoned, since no agent reached them. */
    public void callerHungUp(String callId) {
        Scheduler.Cancellable timer = waiting.remove(callId);
        if (timer != null) {
            timer.cancel();
            abandonRate.abandoned();
        }
    }

    public int waiting() {
        return waiting.size();
    }
}

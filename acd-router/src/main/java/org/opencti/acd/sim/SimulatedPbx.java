package org.opencti.acd.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;
import org.opencti.core.time.ManualScheduler;

/**
 * A PBX on virtual time for the simulator: it keeps its own channel table and tells its listeners (the ACD) the same
 * event sequences the AMI adapter would, for callers entering the hold context and for originated agent legs.
 *
 * <p>Events caused by an action of the ACD (bridge, hangup) are delivered through the scheduler at the same instant
 * rather than from inside the action, as a real PBX answers asynchronously: the ACD never sees an event while it is
 * still in the middle of the decision that caused it. Not thread-safe; everything runs on the simulation's thread.
 */
final class SimulatedPbx implements PbxGateway {
    /** Reason code Asterisk gives an originate nobody answered. */
    static final int NO_ANSWER = 3;
    private static final int NORMAL_CLEARING = 16;

    /** What the simulation wants to hear about callers. */
    interface Observer {
        /** The caller was bridged to an agent: the wait is over, the talk starts. */
        void bridged(String callerUniqueId);

        /** The ACD hung up a caller (the simulation's own hangups are not reported). */
        void callerDroppedByAcd(String callerUniqueId);
    }

    private static final class Channel {
        final ChannelRef ref;
        final String callerIdNum;
        final boolean caller;
        String context;
        String bridgeId;

        Channel(ChannelRef ref, String callerIdNum, boolean caller, String context) {
            this.ref = ref;
            this.callerIdNum = callerIdNum;
            this.caller = caller;
            this.context = context;
        }
    }

    private final ManualScheduler time;
    private final Duration answerDelay;
    private final String holdContext;
    private final Observer observer;
    private final List<PbxEventListener> listeners = new ArrayList<>();
    private final Map<String, Channel> byName = new HashMap<>();
    private final Map<String, Channel> byUniqueId = new HashMap<>();
    private long nextId;
    private long nextBridge;

    SimulatedPbx(ManualScheduler time, Duration answerDelay, String holdContext, Observer observer) {
        this.time = time;
        this.answerDelay = answerDelay;
        this.holdContext = holdContext;
        this.observer = observer;
    }

    @Override
    public void addListener(PbxEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        // nothing to connect: the simulation is the PBX
    }

    /**
     * A caller arrives: the channel is created, the IVR sets its variables, and it enters the hold context, where the
     * ACD queues it.
     *
     * @param uid the caller channel's Uniqueid, chosen by the simulation so it can file the call before the ACD reacts
     */
    void callerArrives(String uid, String number, Map<String, String> variables) {
        Instant now = time.now();
        ChannelRef ref = new ChannelRef(uid, "PJSIP/trunk-" + uid, uid);
        Channel ch = new Channel(ref, number, true, "cti-inbound");
        add(ch);
        deliver(new PbxEvent.ChannelCreated(now, ref, number, "", "cti-inbound", "s"));
        variables.forEach((k, v) -> deliver(new PbxEvent.VariableSet(now, ref, k, v)));
        ch.context = holdContext;
        deliver(new PbxEvent.DialplanStep(now, ref, holdContext, "s", 1, "NoOp", number, ""));
    }

    /** The caller hangs up (patience ran out, or the talk is over). False if the channel was already gone. */
    boolean callerHangsUp(String uniqueId) {
        Channel ch = byUniqueId.get(uniqueId);
        if (ch == null) {
            return false;
        }
        remove(ch);
        deliver(new PbxEvent.ChannelHungUp(time.now(), ch.ref, NORMAL_CLEARING, "Normal Clearing"));
        return true;
    }

    boolean isLive(String uniqueId) {
        return byUniqueId.containsKey(uniqueId);
    }

    int liveChannelCount() {
        return byUniqueId.size();
    }

    /** The agent's phone rings for the answer delay, then answers, unless the ring timeout comes first. */
    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        CompletableFuture<PbxEvent.OriginateCompleted> result = new CompletableFuture<>();
        Duration timeout = request.timeout() == null ? Duration.ofSeconds(30) : request.timeout();
        if (answerDelay.compareTo(timeout) >= 0) {
            time.schedule(timeout, () -> complete(result, new PbxEvent.OriginateCompleted(time.now(), request.reference(), false,
                NO_ANSWER, "<unknown>", request.dialString())));
            return result;
        }
        time.schedule(answerDelay, () -> {
            Instant now = time.now();
            String uid = uniqueId();
            ChannelRef ref = new ChannelRef(uid, request.dialString() + "-" + uid + ";1", uid);
            add(new Channel(ref, request.dialString(), false, request.context()));
            deliver(new PbxEvent.ChannelCreated(now, ref, "", "", request.context(), request.exten()));
            request.variables().forEach((k, v) -> deliver(new PbxEvent.VariableSet(now, ref, k, v)));
            deliver(new PbxEvent.DialplanStep(now, ref, request.context(), request.exten(), request.priority(), "NoOp", "", ""));
            complete(result, new PbxEvent.OriginateCompleted(now, request.reference(), true, 4, uid, ref.name()));
        });
        return result;
    }

    private void complete(CompletableFuture<PbxEvent.OriginateCompleted> result, PbxEvent.OriginateCompleted done) {
        // Like the AMI adapter: listeners see the response too, and the originator's future completes.
        deliver(done);
        result.complete(done);
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        Channel a = byName.get(channel1);
        Channel b = byName.get(channel2);
        if (a == null || b == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Bridge: no such channel "
                + (a == null ? channel1 : channel2)));
        }
        String bridgeId = "bridge-" + (++nextBridge);
        a.bridgeId = bridgeId;
        b.bridgeId = bridgeId;
        for (Channel ch : List.of(a, b)) {
            if (ch.caller) {
                observer.bridged(ch.ref.uniqueId());
            }
        }
        later(new PbxEvent.BridgeEntered(time.now(), a.ref, bridgeId), new PbxEvent.BridgeEntered(time.now(), b.ref, bridgeId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        Channel ch = byName.get(channel);
        if (ch == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Hangup: no such channel " + channel));
        }
        remove(ch);
        if (ch.caller) {
            observer.callerDroppedByAcd(ch.ref.uniqueId());
        }
        later(new PbxEvent.ChannelHungUp(time.now(), ch.ref, NORMAL_CLEARING, "Normal Clearing"));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        return redirect(channel, context, exten, 1).thenCompose(v -> redirect(extraChannel, extraContext, extraExten, 1));
    }

    /** Supervisors are not part of a simulation. */
    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the simulated PBX has no supervisors"));
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        Channel ch = byName.get(channel);
        if (ch == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redirect: no such channel " + channel));
        }
        ch.context = context;
        ch.bridgeId = null;
        later(new PbxEvent.DialplanStep(time.now(), ch.ref, context, exten, priority, "NoOp", ch.callerIdNum, ""));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        Channel ch = byName.get(channel);
        if (ch == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Setvar: no such channel " + channel));
        }
        later(new PbxEvent.VariableSet(time.now(), ch.ref, name, value));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        List<LiveChannel> live = new ArrayList<>();
        for (Channel ch : byUniqueId.values()) {
            live.add(new LiveChannel(ch.ref, ChannelState.UP, ch.callerIdNum, "", ch.context, "s",
                ch.bridgeId == null ? "MusicOnHold" : "Bridge", ch.bridgeId == null ? "" : ch.bridgeId));
        }
        return CompletableFuture.completedFuture(live);
    }

    /** The simulated agents' phones are always registered. */
    @Override
    public CompletionStage<PhoneState> phoneState(String phone) {
        return CompletableFuture.completedFuture(PhoneState.AVAILABLE);
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private String uniqueId() {
        return "leg." + (++nextId);
    }

    private void add(Channel ch) {
        byName.put(ch.ref.name(), ch);
        byUniqueId.put(ch.ref.uniqueId(), ch);
    }

    private void remove(Channel ch) {
        byName.remove(ch.ref.name());
        byUniqueId.remove(ch.ref.uniqueId());
    }

    private void later(PbxEvent... events) {
        time.schedule(Duration.ZERO, () -> {
            for (PbxEvent e : events) {
                deliver(e);
            }
        });
    }

    private void deliver(PbxEvent event) {
        for (PbxEventListener l : listeners) {
            l.onPbxEvent(event);
        }
    }
}

package org.opencti.core.pbx;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;

/** One box's gateway for tests: records what it is asked, in the box's own channel names, and emits what the test says. */
final class FakeBox implements PbxGateway {
    final List<String> actions = new CopyOnWriteArrayList<>();
    final List<OriginateRequest> originates = new CopyOnWriteArrayList<>();
    final List<SpyRequest> spies = new CopyOnWriteArrayList<>();
    private final List<PbxEventListener> listeners = new CopyOnWriteArrayList<>();
    boolean started;
    boolean closed;
    /** What liveChannels answers; null makes it fail. */
    List<LiveChannel> live = List.of();

    void emit(PbxEvent event) {
        listeners.forEach(l -> l.onPbxEvent(event));
    }

    @Override
    public void addListener(PbxEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        originates.add(request);
        actions.add("originate " + request.dialString());
        return CompletableFuture.completedFuture(new PbxEvent.OriginateCompleted(null, request.reference(), true, 4, "1700000000.9",
            request.dialString() + "-00000009;1"));
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        spies.add(request);
        actions.add("spy " + request.supervisorDialString() + " on " + request.targetChannel());
        return CompletableFuture.completedFuture(new PbxEvent.OriginateCompleted(null, request.reference(), true, 4, "1700000000.8",
            request.supervisorDialString() + "-00000008;1"));
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        actions.add("redirect " + channel + " " + context);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        actions.add("redirect " + channel + " " + context + " + " + extraChannel + " " + extraContext);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        actions.add("bridge " + channel1 + " " + channel2);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        actions.add("hangup " + channel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        actions.add("set " + channel + " " + name + "=" + value);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        return live == null ? CompletableFuture.failedFuture(new IllegalStateException("CoreShowChannels: AMI link lost"))
            : CompletableFuture.completedFuture(live);
    }

    @Override
    public CompletionStage<PhoneState> phoneState(String phone) {
        actions.add("phoneState " + phone);
        return CompletableFuture.completedFuture(PhoneState.AVAILABLE);
    }

    @Override
    public void close() {
        closed = true;
    }
}

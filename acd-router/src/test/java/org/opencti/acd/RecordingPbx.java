package org.opencti.acd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;

/** A PBX gateway that records what it is asked and lets the test decide how originates end. */
final class RecordingPbx implements PbxGateway {
    final List<String> actions = new ArrayList<>();
    final Map<String, OriginateRequest> originates = new LinkedHashMap<>();
    final List<SpyRequest> spies = new ArrayList<>();
    /** Every single-channel redirect as {@code channel -> context,exten}. */
    final List<String> redirects = new ArrayList<>();
    /** What {@link #liveChannels} answers (CoreShowChannels), as the test sets it. */
    final List<LiveChannel> live = new ArrayList<>();
    /** When set, {@link #liveChannels} answers only once the test completes this (events may arrive meanwhile). */
    CompletableFuture<List<LiveChannel>> slowList;
    /** What {@link #phoneState} answers per dial string (available when not set), and the phones it was asked about. */
    final Map<String, PhoneState> phoneStates = new ConcurrentHashMap<>();
    final List<String> phoneChecks = new CopyOnWriteArrayList<>();
    /** Each phone's home box, for a test of several boxes; empty: one box. */
    final Map<String, String> homes = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<PbxEvent.OriginateCompleted>> pending = new LinkedHashMap<>();

    @Override
    public void addListener(PbxEventListener listener) {
        // events are pushed by the test straight into the service
    }

    @Override
    public void start() {
        // nothing to connect
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        actions.add("originate " + request.dialString() + " -> " + request.context());
        originates.put(request.reference(), request);
        CompletableFuture<PbxEvent.OriginateCompleted> f = new CompletableFuture<>();
        pending.put(request.reference(), f);
        return f;
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        actions.add("spy " + request.supervisorDialString() + " -> " + request.data());
        spies.add(request);
        CompletableFuture<PbxEvent.OriginateCompleted> f = new CompletableFuture<>();
        pending.put(request.reference(), f);
        return f;
    }

    void answer(String reference, PbxEvent.OriginateCompleted result) {
        pending.remove(reference).complete(result);
    }

    void fail(String reference, int reason) {
        pending.remove(reference).complete(new PbxEvent.OriginateCompleted(null, reference, false, reason, "<unknown>", "x"));
    }

    String lastReference() {
        return originates.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        actions.add("redirect " + channel);
        redirects.add(channel + " -> " + context + "," + exten);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        actions.add("redirect " + channel + " -> " + context + " + " + extraChannel + " -> " + extraContext);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        actions.add("bridge " + channel1 + " + " + channel2);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        actions.add("hangup " + channel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        actions.add("setvar " + channel + " " + name + "=" + value);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        return slowList != null ? slowList : CompletableFuture.completedFuture(List.copyOf(live));
    }

    /** What the test set for the phone, else available; recorded in {@link #phoneChecks}. */
    @Override
    public synchronized CompletionStage<PhoneState> phoneState(String phone) {
        phoneChecks.add(phone);
        return CompletableFuture.completedFuture(phoneStates.getOrDefault(phone, PhoneState.AVAILABLE));
    }

    @Override
    public Optional<String> homeBox(String phone) {
        return Optional.ofNullable(homes.get(phone));
    }

    @Override
    public void close() {
        // nothing to close
    }
}

package org.opencti.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.pbxsim.PbxSimulator;
import org.opencti.pbxsim.SimCall;

/**
 * The PBX side: a {@link PbxSimulator} (AMI over TCP, as Asterisk) that the server under test connects to, customers
 * calling at a fixed rate through {@code [cti-inbound]} and the server's FastAGI entry IVR (they key 2 for support or 1
 * for billing at once; prompts last 20 ms), phones that answer after a short ring, and agents who hang up after a
 * short talk time.
 *
 * <p>Not {@link PbxSimulator#placeCallToHold}: it originates a Local pair into {@code [cti-hold]} and both halves step
 * through that context (the {@code ;1} half with {@code AppDial2}), so the ACD queues two calls per placed call, one of
 * them with no caller number, and the offer rate doubles.
 */
final class CallDriver implements AutoCloseable {
    private static final String DID = "5551000";

    private final PbxSimulator pbx;
    private final ScheduledExecutorService placer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fanout-calls"));
    private final ScheduledExecutorService hangups = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fanout-hangups"));
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong placeFailures = new AtomicLong();
    private final AtomicLong hungUp = new AtomicLong();
    private final java.util.Queue<SimCall> calls = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> calling;

    CallDriver(String amiSecret) {
        // The FastAGI target is set by routeIvrTo once the server listens. Answer() takes 20 ms instead of Asterisk's 500.
        pbx = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, FanOutConfig.AMI_USER, amiSecret, null, 0,
            Clock.systemUTC()).withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20))).start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    int amiPort() {
        return pbx.amiPort();
    }

    /** Sends {@code [cti-inbound]}'s AGI() to the server's FastAGI port. */
    void routeIvrTo(int fastAgiPort) {
        pbx.routeIvrTo("127.0.0.1", fastAgiPort);
    }

    /** Every agent's phone rings for {@code ring}, then answers. */
    void phonesAnswerAfter(List<String> agentIds, Duration ring) {
        for (String id : agentIds) {
            pbx.phone(id).answerAfter(ring);
        }
    }

    /** Starts placing calls at {@code perSecond}, alternating support and billing, until {@link #stopCalling()}. */
    void startCalling(double perSecond) {
        long periodMicros = Math.round(1_000_000 / perSecond);
        calling = placer.scheduleAtFixedRate(this::placeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void placeOne() {
        long n = placed.get();
        String number = String.format("20255%05d", n % 100_000);
        try {
            SimCall call = pbx.placeInboundCall(number, "LOAD CALLER", DID);
            pbx.press(call, n % 2 == 0 ? "2" : "1");
            calls.add(call);
            placed.incrementAndGet();
        } catch (RuntimeException e) {
            placeFailures.incrementAndGet();
        }
    }

    void stopCalling() {
        if (calling != null) {
            calling.cancel(false);
        }
    }

    /** The agent at {@code ext} hangs up after {@code talk} (off the caller's thread: pbx-sim calls wait for its core). */
    void hangUpAfter(String ext, Duration talk) {
        hangups.schedule(() -> {
            pbx.agentHangsUp(ext);
            hungUp.incrementAndGet();
        }, talk.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every agent hangs up {@code talk} after answering, whatever the CTI told their desktop. */
    void agentsHangUpAfter(Duration talk) {
        pbx.onAgentAnswered(ext -> hangUpAfter(ext, talk));
    }

    /** Every caller placed so far hangs up (those whose call ended already: nothing happens). */
    void hangUpEveryCaller() {
        calls.forEach(pbx::hangup);
    }

    long placed() {
        return placed.get();
    }

    long placeFailures() {
        return placeFailures.get();
    }

    long hungUp() {
        return hungUp.get();
    }

    /** Live channels on the PBX (a backlog of unanswered calls shows here). */
    int liveChannels() {
        return pbx.channels().size();
    }

    @Override
    public void close() {
        placer.shutdownNow();
        hangups.shutdownNow();
        pbx.close();
    }
}

package org.opencti.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.opencti.core.adapter.ami.AsteriskJavaPbxGateway;
import org.opencti.core.call.ChannelTracker;
import org.opencti.core.event.PbxEvent;

/**
 * AMI ingest: how many events per second reach our listeners through the whole adapter (Asterisk-Java's
 * reader, translation into domain records, our bounded queue, our delivery thread, call state), side by side with
 * Asterisk-Java's raw reader feeding a listener that does nothing. The same bytes (a real Asterisk 22
 * inbound call's events, repeated with fresh ids) are written over loopback TCP for both. The goal is ours ≥ 0.8 × raw
 * with zero drops.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.opencti.bench.AmiIngestBenchmark [calls] [rounds]}
 */
public final class AmiIngestBenchmark {
    private static final String MARK = "9999999999.999";

    private AmiIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] call = resource("/ami-inbound-call-events.raw");
        int eventsPerCall = countEvents(call);
        byte[] payload = payload(call, calls);
        long events = (long) eventsPerCall * calls + 1;
        System.out.printf("AMI ingest: %d calls x %d events + 1 marker = %d events (%.1f MB) per round, %d rounds%n",
            calls, eventsPerCall, events, payload.length / 1e6, rounds);
        run("warm-up raw", payload, events, true);
        run("warm-up ours", payload, events, false);
        List<Double> raw = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            raw.add(run("round " + i + " asterisk-java raw", payload, events, true));
            ours.add(run("round " + i + " cti pipeline     ", payload, events, false));
        }
        double rawMedian = median(raw);
        double oursMedian = median(ours);
        System.out.printf("%nmedian events/s   asterisk-java raw reader: %,.0f   cti pipeline: %,.0f   ratio: %.2f (goal >= 0.80)%n",
            rawMedian, oursMedian, oursMedian / rawMedian);
    }

    private static double run(String label, byte[] payload, long events, boolean raw) throws Exception {
        try (AmiBlaster blaster = new AmiBlaster(payload)) {
            Result r = raw ? rawReader(blaster) : pipeline(blaster);
            double seconds = (r.endNanos - blaster.started().get(30, TimeUnit.SECONDS)) / 1e9;
            double rate = events / seconds;
            System.out.printf("%s: %,12.0f events/s  (%.2f s, delivered %,d, dropped %s)%n", label, rate, seconds, r.seen,
                r.dropped < 0 ? "unknown (Asterisk-Java drops silently)" : String.format("%,d", r.dropped));
            return rate;
        }
    }

    private record Result(long endNanos, long seen, long dropped) { }

    private static Result rawReader(AmiBlaster blaster) throws Exception {
        ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", blaster.port(), "cti", "cti-secret").createManagerConnection();
        AtomicLong seen = new AtomicLong();
        AtomicLong end = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        c.addEventListener(e -> {
            if (e instanceof ConnectEvent || e instanceof DisconnectEvent || e instanceof FullyBootedEvent) {
                return;
            }
            seen.incrementAndGet();
            if (e instanceof HangupEvent h && MARK.equals(h.getUniqueId())) {
                end.set(System.nanoTime());
                done.countDown();
            }
        });
        c.login();
        c.sendAction(new PingAction());
        boolean finished = done.await(120, TimeUnit.SECONDS);
        c.logoff();
        if (!finished) {
            throw new IllegalStateException("the raw reader never saw the end marker; seen " + seen.get());
        }
        return new Result(end.get(), seen.get(), -1);
    }

    private static Result pipeline(AmiBlaster blaster) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AsteriskJavaPbxGateway gateway = new AsteriskJavaPbxGateway("127.0.0.1", blaster.port(), "cti", "cti-secret",
            Duration.ofSeconds(60), Duration.ofSeconds(30), Clock.systemUTC(), registry, 100_000);
        AtomicLong seen = new AtomicLong();
        AtomicLong end = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        // Call state as the ACD keeps it: every channel, its caller ID, variables and bridge, on the delivery thread.
        ChannelTracker calls = new ChannelTracker();
        gateway.addListener(e -> {
            if (e instanceof PbxEvent.PbxReady || e instanceof PbxEvent.ChannelsResynced) {
                return;
            }
            calls.apply(e);
            seen.incrementAndGet();
            if (e instanceof PbxEvent.ChannelHungUp h && MARK.equals(h.channel().uniqueId())) {
                end.set(System.nanoTime());
                done.countDown();
            }
        });
        gateway.start();
        boolean finished = done.await(120, TimeUnit.SECONDS);
        long dropped = gateway.droppedCount();
        gateway.close();
        if (!finished) {
            throw new IllegalStateException("the pipeline never delivered the end marker; seen " + seen.get() + ", dropped " + dropped);
        }
        // "seen" counts domain events; AMI events with no domain meaning (AGIExecStart, DeviceStateChange...) are not delivered.
        return new Result(end.get(), seen.get(), dropped);
    }

    /** The captured call repeated, each copy with fresh Uniqueids, Linkedids and Local channel numbers. */
    private static byte[] payload(byte[] call, int calls) {
        String text = new String(call, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(call.length * calls + 256);
        for (int i = 0; i < calls; i++) {
            String copy = text.replace("17953461", String.format("%08d", 10_000_000 + i))
                .replace("-0000000", String.format("-%07x", i));
            out.writeBytes(copy.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("Event: Hangup\r\nPrivilege: call,all\r\nChannel: Local/end@bench-00000000;1\r\nChannelState: 6\r\n"
            + "ChannelStateDesc: Up\r\nCallerIDNum: 0\r\nCallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\n"
            + "ConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\nContext: bench\r\nExten: s\r\nPriority: 1\r\n"
            + "Uniqueid: " + MARK + "\r\nLinkedid: " + MARK + "\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static int countEvents(byte[] call) {
        String text = new String(call, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = text.indexOf("Event: "); i >= 0; i = text.indexOf("\r\n\r\nEvent: ", i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AmiIngestBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

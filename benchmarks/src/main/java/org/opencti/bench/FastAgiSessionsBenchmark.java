package org.opencti.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.agi.FastAgiServer;
import org.opencti.ivr.entry.EntryIvr;

/**
 * FastAGI concurrency: N Asterisk-like callers (all on one selector thread, see {@link FastAgiCallers}) run the real
 * entry IVR ({@link EntryIvr.Settings#standard()}) on a {@link FastAgiServer} bound to loopback, each caller thinking
 * for a few seconds in GET DATA so that all N sessions are open at the same moment. While they are parked the driver
 * takes a GC and reads the heap in use and the live thread count: the goal is 2,000 concurrent sessions on a 2-core
 * machine with a modest heap and no thread per call. The heap figure covers the server and the client side (one JVM).
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar org.opencti.bench.FastAgiSessionsBenchmark
 * [sessions=2000] [rounds=3] [thinkMillis=5000]}
 */
public final class FastAgiSessionsBenchmark {
    private static final long MB = 1024 * 1024;

    private FastAgiSessionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long thinkMillis = args.length > 2 ? Long.parseLong(args[2]) : 5000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("FastAGI sessions: %d concurrent callers x %d rounds, caller think time in GET DATA %d ms; "
                + "%d CPUs, max heap %d MB, Java %s%n", sessions, rounds, thinkMillis, rt.availableProcessors(),
                rt.maxMemory() / MB, System.getProperty("java.version"));
        boolean allOk = true;
        for (int round = 1; round <= rounds; round++) {
            allOk &= round(round, sessions, thinkMillis);
        }
        System.out.println(allOk ? "RESULT: every round had all sessions open at once and completed"
                : "RESULT: some sessions failed or were not open at once (see above)");
    }

    private static boolean round(int round, int sessions, long thinkMillis) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        int threadsBefore = threads.getThreadCount();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EntryIvr ivr = new EntryIvr(EntryIvr.Settings.standard(), registry);
        try (FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("ivr", ivr)), registry)
                .start()) {
            threads.resetPeakThreadCount();
            FastAgiCallers callers = new FastAgiCallers(new InetSocketAddress("127.0.0.1", server.port()), sessions, thinkMillis);
            Thread driver = new Thread(callers, "agi-callers");
            long start = System.nanoTime();
            driver.start();

            // Wait until every caller is parked in GET DATA (or most of the think time is gone), sampling the server.
            int peakServer = 0;
            long parkDeadline = start + TimeUnit.MILLISECONDS.toNanos(thinkMillis * 8 / 10);
            while (callers.parked() < sessions && System.nanoTime() < parkDeadline && driver.isAlive()) {
                peakServer = Math.max(peakServer, server.activeSessions());
                Thread.sleep(5);
            }
            long allParkedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int parkedAtPeak = callers.parked();
            int serverAtPeak = server.activeSessions();
            int clientAtPeak = callers.open();
            System.gc();
            long heapAtPeak = memory.getHeapMemoryUsage().getUsed();
            int threadsAtPeak = threads.getThreadCount();
            peakServer = Math.max(peakServer, serverAtPeak);

            long finishDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(thinkMillis * 4 + 60_000);
            while (driver.isAlive() && System.nanoTime() < finishDeadline) {
                peakServer = Math.max(peakServer, server.activeSessions());
                driver.join(5);
            }
            if (driver.isAlive()) {
                callers.stop();
                driver.join();
            }
            int peakThreads = threads.getPeakThreadCount();
            report(round, sessions, callers, registry, allParkedMs, parkedAtPeak, serverAtPeak, clientAtPeak, peakServer,
                    heapBefore, heapAtPeak, threadsBefore, threadsAtPeak, peakThreads);
            return callers.completed() == sessions && callers.failed() == 0 && serverAtPeak == sessions;
        }
    }

    private static void report(int round, int sessions, FastAgiCallers callers, SimpleMeterRegistry registry, long allParkedMs,
                               int parkedAtPeak, int serverAtPeak, int clientAtPeak, int peakServer, long heapBefore,
                               long heapAtPeak, int threadsBefore, int threadsAtPeak, int peakThreads) {
        System.out.printf("round %d%n", round);
        System.out.printf("  concurrent sessions : server activeSessions() at peak %d (max sampled %d), "
                + "client side open %d (max %d), parked in GET DATA %d (max %d), all parked after %d ms%n",
                serverAtPeak, peakServer, clientAtPeak, callers.peakOpen(), parkedAtPeak, callers.peakParked(), allParkedMs);
        System.out.printf("  sessions            : %d completed, %d failed of %d; wall time %.2f s "
                + "(first connect to last close, includes the think time)%n",
                callers.completed(), callers.failed(), sessions, callers.wallNanos() / 1e9);
        if (callers.firstFailure() != null) {
            System.out.printf("  first failure       : %s%n", callers.firstFailure());
        }
        FastAgiCallers.LongSamples turn = callers.turnaround();
        FastAgiCallers.LongSamples first = callers.firstCommand();
        System.out.printf("  server turnaround   : reply sent -> next command p50 %.0f us, p99 %.0f us, max %.0f us (%d samples)%n",
                turn.quantileMicros(0.50), turn.quantileMicros(0.99), turn.quantileMicros(1.0), turn.size());
        System.out.printf("  session start       : env block sent -> ANSWER p50 %.0f us, p99 %.0f us (%d samples)%n",
                first.quantileMicros(0.50), first.quantileMicros(0.99), first.size());
        System.out.printf("  heap after GC       : %.1f MB with all sessions parked (%.1f MB before the round; "
                + "%.1f KB per session, server + client side)%n", heapAtPeak / (double) MB, heapBefore / (double) MB,
                (heapAtPeak - heapBefore) / 1024.0 / Math.max(1, parkedAtPeak));
        System.out.printf("  live threads        : %d at peak (%d before the server started; JVM peak during the round %d)%n",
                threadsAtPeak, threadsBefore, peakThreads);
        Map<String, Double> outcomes = new TreeMap<>();
        for (Counter counter : registry.find("cti.ivr.entry.calls").counters()) {
            outcomes.put(counter.getId().getTag("outcome"), counter.count());
        }
        Map<String, Double> failures = new TreeMap<>();
        for (Counter counter : registry.find("cti.ivr.agi.failures").counters()) {
            failures.put(counter.getId().getTag("reason"), counter.count());
        }
        System.out.printf("  server meters       : entry IVR outcomes %s, FastAGI failures %s%n", outcomes, failures);
    }
}

package org.opencti.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Desktop push fan-out, the two figures of the goal "10,000 agents connected to one node within 1 GiB of heap, and
 * offer-to-pop p99 &lt;= 50 ms at 100 new calls/s with 2,000 agents connected".
 *
 * <p>The server under test runs as its own JVM ({@code java -Xmx1g -jar cti-server/target/cti-server.jar run --config
 * GENERATED}; above ~5,400 agents the config would pass the loader's 1 MiB limit, so {@link FanOutServerMain} does the
 * same with the agents added in code). This JVM holds the agents' desktops ({@link AgentCrowd}: REST login, WebSocket,
 * auth, ready) and pbx-sim ({@link CallDriver}) that the server's AMI link connects to; in-memory stores.
 *
 * <ol>
 * <li>Heap: the server's heap in use after a full GC ({@code jcmd PID GC.run}, {@code GC.heap_info}) with nobody
 *     connected, after all agents logged in over REST, and with all of them connected, authenticated and ready; the
 *     difference per connection, the server's threads and its largest classes.</li>
 * <li>Offer-to-pop: with the agents ready, pbx-sim places calls at a fixed rate through the server's entry IVR (half
 *     key support, half billing), phones answer
 *     after a short ring and agents hang up after a short talk time (wrap-up 1 s), so there are always free agents.
 *     Measured from the {@code at} of the {@code callOffered} frame (the instant the ACD decided the offer, on the
 *     server's clock; same machine, so the clocks agree) to the frame's arrival on the agent's client event loop.</li>
 * </ol>
 *
 * <p>Run (build first: {@code mvn -B -o -pl benchmarks -am install -DskipTests}):
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar org.opencti.bench.DesktopFanOutBenchmark [heapAgents=10000]
 * [latencyAgents=2000] [callsPerSecond=100] [warmUpSeconds=10] [measureSeconds=60] [talkMillis=2000]}; 0 agents
 * skips a figure. {@code -Dfanout.serverHeap=1g} and {@code -Dfanout.serverJar=cti-server/target/cti-server.jar}
 * change the server's heap and jar.
 */
public final class DesktopFanOutBenchmark {
    private static final long MB = 1024 * 1024;
    private static final Duration RING = Duration.ofMillis(100);

    private DesktopFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int heapAgents = arg(args, 0, 10_000);
        int latencyAgents = arg(args, 1, 2_000);
        int perSecond = arg(args, 2, 100);
        int warmUp = arg(args, 3, 10);
        int measure = arg(args, 4, 60);
        int talkMillis = arg(args, 5, 2_000);
        System.out.printf("Desktop fan-out: server heap -Xmx%s, %d CPUs, Java %s%n", serverHeap(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (heapAgents > 0) {
            heapFigure(heapAgents);
        }
        if (latencyAgents > 0) {
            latencyFigure(latencyAgents, perSecond, warmUp, measure, Duration.ofMillis(talkMillis));
        }
        System.exit(0);
    }

    // ---- figure 1 ----------------------------------------------------------------------------------

    private static void heapFigure(int agents) throws Exception {
        System.out.printf("%n== Figure 1: server heap with %,d agents connected ==%n", agents);
        String secret = UUID.randomUUID().toString();
        try (CallDriver pbx = new CallDriver(secret); ServerProcess server = startServer(agents, pbx, secret)) {
            long base = server.heapUsedAfterGc();
            System.out.printf("heap used after GC, node up, 0 connected:        %,8.1f MB%n", base / (double) MB);
            try (AgentCrowd crowd = new AgentCrowd(server.httpPort(), 4, agents + 100, 64, (a, f, t) -> { })) {
                long t0 = System.nanoTime();
                List<AgentCrowd.Agent> in = crowd.login(FanOutConfig.agentIds(agents), 32).get(30, TimeUnit.MINUTES);
                long loginMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                long loggedIn = server.heapUsedAfterGc();
                System.out.printf("... %,d logged in over REST (%,d ms, %d retries):  %,8.1f MB%n", in.size(), loginMs,
                    crowd.loginRetries.get(), loggedIn / (double) MB);
                t0 = System.nanoTime();
                crowd.connect(in, 64).get(30, TimeUnit.MINUTES);
                long connectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                long connected = server.heapUsedAfterGc();
                System.out.printf("... %,d WebSockets authenticated and READY (%,d ms): %,8.1f MB%n", crowd.connectedCount(),
                    connectMs, connected / (double) MB);
                System.out.printf("server RSS %,d MB; threads: %s%n", rssKb(server.pid()) / 1024, server.threadSummary());
                System.out.println("largest classes on the server heap with everyone connected:");
                System.out.print(server.histogram(25));
                System.out.printf("FIGURE 1: heap used with %,d agents connected = %,.1f MB (limit 1024 MB); baseline %,.1f MB;"
                        + " per connection %,d bytes (login session %,d + WebSocket %,d)%n", crowd.connectedCount(),
                    connected / (double) MB, base / (double) MB, (connected - base) / agents, (loggedIn - base) / agents,
                    (connected - loggedIn) / agents);
            }
        }
    }

    // ---- figure 2 ----------------------------------------------------------------------------------

    private static void latencyFigure(int agents, int perSecond, int warmUp, int measure, Duration talk) throws Exception {
        System.out.printf("%n== Figure 2: offer-to-pop, %,d agents, %d calls/s, %d s warm-up + %d s measured, talk %d ms ==%n",
            agents, perSecond, warmUp, measure, talk.toMillis());
        String secret = UUID.randomUUID().toString();
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong offered = new AtomicLong();
        AtomicLong pops = new AtomicLong();
        AtomicLong connectedCalls = new AtomicLong();
        AtomicLong ended = new AtomicLong();
        Map<String, Long> tally = new ConcurrentHashMap<>();
        Set<String> offeredCalls = ConcurrentHashMap.newKeySet();
        try (CallDriver pbx = new CallDriver(secret); ServerProcess server = startServer(agents, pbx, secret);
             AgentCrowd crowd = new AgentCrowd(server.httpPort(), 4, agents + 100, 64, (agent, frame, arrived) -> {
                 String type = frame.getString("type", "");
                 tally.merge(type.equals("agentState") ? type + " " + frame.getString("state") + reason(frame) : type, 1L, Long::sum);
                 switch (type) {
                     case "callOffered" -> {
                         offered.incrementAndGet();
                         offeredCalls.add(frame.getString("callId"));
                         latency.record(Duration.between(Instant.parse(frame.getString("at")), arrived).toNanos() / 1000);
                     }
                     case "screenPop" -> pops.incrementAndGet();
                     case "callConnected" -> {
                         connectedCalls.incrementAndGet();
                         pbx.hangUpAfter(agent.id, talk);
                     }
                     case "callEnded" -> ended.incrementAndGet();
                     default -> { }
                 }
             })) {
            List<String> ids = FanOutConfig.agentIds(agents);
            pbx.phonesAnswerAfter(ids, RING);
            crowd.connect(crowd.login(ids, 32).get(30, TimeUnit.MINUTES), 64).get(30, TimeUnit.MINUTES);
            long heapBefore = server.heapUsedAfterGc();
            System.out.printf("%,d agents connected and READY; server heap used after GC %,.1f MB%n", crowd.connectedCount(),
                heapBefore / (double) MB);
            pbx.startCalling(perSecond);
            Thread.sleep(warmUp * 1000L);
            long[] before = {pbx.placed(), offered.get(), connectedCalls.get(), ended.get(), System.nanoTime()};
            latency.recording(true);
            for (int s = 10; s <= measure; s += 10) {
                Thread.sleep(10_000);
                System.out.printf("  t+%ds: placed %,d, offered %,d, connected %,d, ended %,d, PBX channels %,d, %s%n", s,
                    pbx.placed(), offered.get(), connectedCalls.get(), ended.get(), pbx.liveChannels(), latency.summary().line());
            }
            Thread.sleep((measure % 10) * 1000L);
            latency.recording(false);
            long[] after = {pbx.placed(), offered.get(), connectedCalls.get(), ended.get(), System.nanoTime()};
            pbx.stopCalling();
            double seconds = (after[4] - before[4]) / 1e9;
            Thread.sleep(3_000);
            LatencyRecorder.Summary s = latency.summary();
            System.out.printf("measured window %.1f s: calls placed %,d (%.1f/s), offered %,d (%.1f/s), connected %,d (%.1f/s),"
                    + " ended %,d; place failures %d, error frames %d, closed sockets %d%n", seconds, after[0] - before[0],
                (after[0] - before[0]) / seconds, after[1] - before[1], (after[1] - before[1]) / seconds, after[2] - before[2],
                (after[2] - before[2]) / seconds, after[3] - before[3], pbx.placeFailures(), crowd.errorFrames.get(),
                crowd.closedSockets.get());
            System.out.printf("after the run: placed %,d, offered %,d, pops %,d, connected %,d, agent hang-ups %,d, PBX channels %,d%n",
                pbx.placed(), offered.get(), pops.get(), connectedCalls.get(), pbx.hungUp(), pbx.liveChannels());
            System.out.printf("distinct calls offered %,d, offers %,d (%,d offered a second time); frames by type: %s%n",
                offeredCalls.size(), offered.get(), offered.get() - offeredCalls.size(), new TreeMap<>(tally));
            long heapAfter = server.heapUsedAfterGc();
            System.out.printf("server heap used after GC with %,d connected, after the run: %,.1f MB (%,d bytes kept per call placed,"
                + " in-memory stores); threads: %s%n", crowd.connectedCount(), heapAfter / (double) MB,
                (heapAfter - heapBefore) / Math.max(1, pbx.placed()), server.threadSummary());
            System.out.print(server.histogram(12));
            System.out.println("server's own count (/metrics):");
            server.getAsSupervisor("/metrics").lines().filter(l -> l.startsWith("cti_calls_") && !l.contains(" 0.0"))
                .forEach(l -> System.out.println("  " + l));
            System.out.printf("FIGURE 2: offer-to-pop (callOffered 'at' -> frame on the client) %s; goal p99 <= 50 ms%n", s.line());
        }
    }

    // ---- the server process ------------------------------------------------------------------------

    private static ServerProcess startServer(int agents, CallDriver pbx, String secret) throws Exception {
        int httpPort = freePort();
        int fastAgiPort = freePort();
        int amiPort = pbx.amiPort();
        String hash = FanOutConfig.loadTestHash();
        boolean inFile = FanOutConfig.fitsInFile(agents, amiPort, fastAgiPort, httpPort, hash);
        Path dir = Files.createTempDirectory("fanout");
        Path config = dir.resolve("contact-centre-" + agents + ".yaml");
        Files.writeString(config, FanOutConfig.yaml(agents, inFile, amiPort, fastAgiPort, httpPort, hash));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + serverHeap()));
        Path jar = Path.of(System.getProperty("fanout.serverJar", "cti-server/target/cti-server.jar"));
        if (inFile && Files.isRegularFile(jar)) {
            cmd.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FanOutServerMain.class.getName(), config.toString(),
                Integer.toString(agents)));
        }
        ServerProcess server = ServerProcess.start(cmd, Map.of("CTI_AMI_SECRET", secret), httpPort, dir.resolve("server.log"));
        System.out.println("server: " + String.join(" ", cmd) + "   (pid " + server.pid() + ", log " + dir.resolve("server.log") + ")");
        server.awaitHealthy(Duration.ofSeconds(120));
        pbx.routeIvrTo(fastAgiPort);
        return server;
    }

    private static String serverHeap() {
        return System.getProperty("fanout.serverHeap", "1g");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String reason(JsonObject agentState) {
        String reason = agentState.getString("reason");
        return reason == null ? "" : " (" + reason + ")";
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}

package org.opencti.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two CTI nodes acting as one floor, soaked: one pbx-sim (AMI to both nodes, its IVR on node B's FastAGI), both nodes on
 * the local Redis (a key prefix of the run's own) and PostgreSQL (a schema of the run's own), WebSocket agents split over
 * the two nodes, calls at a fixed rate; halfway through node A, which holds the floor, is killed (SIGKILL) and its agents
 * reconnect to node B with the tokens they have. Then every caller left hangs up and the invariants are read back:
 * every call placed ended in exactly one interaction, no agent was on two calls at once, no AMI event was dropped.
 *
 * <p>Run (build first: {@code mvn -B -q -DskipTests package}):
 * {@code java -cp benchmarks/target/benchmarks.jar org.opencti.bench.ClusterSoak [callsPerSecond=100] [seconds=60]
 * [agents=400] [talkMillis=2000] [kill=true] [warmUpSeconds=15]}: calls at the rate through the warm-up, then the
 * measured seconds (latencies counted, the kill halfway); the invariants cover every call of the run.
 */
public final class ClusterSoak {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Duration RING = Duration.ofMillis(100);

    private ClusterSoak() {
    }

    public static void main(String[] args) throws Exception {
        int perSecond = arg(args, 0, 100);
        int seconds = arg(args, 1, 60);
        int agents = arg(args, 2, 400);
        int talkMillis = arg(args, 3, 2_000);
        boolean kill = args.length <= 4 || Boolean.parseBoolean(args[4]);
        int warmUp = arg(args, 5, 15);
        if ((long) perSecond * (seconds + warmUp) >= 100_000) {
            throw new IllegalArgumentException("callers are numbered 20255nnnnn: at most 99,999 calls per run");
        }
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String schema = "soak_" + run;
        try (Connection c = DriverManager.getConnection(JDBC, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Path dir = Files.createTempDirectory("cti-soak-");
        String amiSecret = "soak-" + run;
        Map<String, String> env = Map.of("CTI_AMI_SECRET", amiSecret, "CTI_TOKEN_SECRET", "soak-token-secret-" + run + "-0123456789abcdef");
        String hash = FanOutConfig.loadTestHash();
        System.out.printf("Cluster soak: 2 nodes, %d calls/s for %d s after %d s warm-up, %d agents, talk %d ms,"
            + " kill the holder halfway: %s; %d CPUs, Java %s; schema %s, Redis prefix soak:%s:%n", perSecond, seconds, warmUp,
            agents, talkMillis, kill,
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), schema, run);
        List<String> ids = FanOutConfig.agentIds(agents);
        AtomicLong offered = new AtomicLong();
        LatencyRecorder pop = new LatencyRecorder();
        AgentCrowd.Listener listener = (agent, frame, arrived) -> {
            String type = frame.getString("type", "");
            if ("callOffered".equals(type)) {
                offered.incrementAndGet();
                pop.record(Duration.between(Instant.parse(frame.getString("at")), arrived).toNanos() / 1000);
            } else if ("agentState".equals(type) && "NOT_READY".equals(frame.getString("state")) && agent.socket != null) {
                // as an agent would: a call lost at the takeover or a missed ring, and they click ready again
                agent.socket.writeTextMessage("{\"type\":\"ready\"}");
            }
        };
        try (CallDriver pbx = new CallDriver(amiSecret)) {
            // node a first, so it is the one holding the floor (the one killed)
            Node a = Node.start("a", pbx, agents, schema, run, hash, env, dir);
            a.server.awaitHealthy(Duration.ofMinutes(2));
            holdsFloorAfter(a, Instant.now());
            Node b = Node.start("b", pbx, agents, schema, run, hash, env, dir);
            try (a; b; AgentCrowd onA = new AgentCrowd(a.http, 2, agents + 10, 32, listener);
                 AgentCrowd onB = new AgentCrowd(b.http, 2, agents + 10, 32, listener)) {
                b.server.awaitHealthy(Duration.ofMinutes(2));
                pbx.routeIvrTo(b.fastAgi);
                pbx.phonesAnswerAfter(ids, RING);
                pbx.agentsHangUpAfter(Duration.ofMillis(talkMillis));
                List<String> firstHalf = ids.subList(0, agents / 2);
                List<String> secondHalf = ids.subList(agents / 2, agents);
                List<AgentCrowd.Agent> atA = onA.login(firstHalf, 16).get(10, TimeUnit.MINUTES);
                onA.connect(atA, 32).get(10, TimeUnit.MINUTES);
                onB.connect(onB.login(secondHalf, 16).get(10, TimeUnit.MINUTES), 32).get(10, TimeUnit.MINUTES);
                System.out.printf("%d agents ready (%d on node a, %d on node b)%n", onA.connectedCount() + onB.connectedCount(),
                    onA.connectedCount(), onB.connectedCount());
                pbx.startCalling(perSecond);
                // both JVMs compile their hot paths first; latencies count from the end of the warm-up
                Thread.sleep(warmUp * 1000L);
                long placedBefore = pbx.placed();
                long started = System.nanoTime();
                pop.recording(true);
                Instant killedAt = null;
                AtomicReference<Duration> tookOverAfter = new AtomicReference<>();
                for (int t = 1; t <= seconds; t++) {
                    Thread.sleep(1_000);
                    if (kill && t == seconds / 2) {
                        System.out.printf("t+%ds: killing node a (pid %d) with SIGKILL%n", t, a.server.pid());
                        killedAt = Instant.now();
                        a.server.kill();
                        Instant killed = killedAt;
                        Thread watch = new Thread(() -> tookOverAfter.set(holdsFloorAfter(b, killed)), "soak-takeover-watch");
                        watch.setDaemon(true);
                        watch.start();
                        onB.rejoin(atA, 32).whenComplete((v, e) -> System.out.printf("  node a's agents rejoined node b%s%n",
                            e == null ? "" : " (some failed: " + e + ")"));
                    }
                    if (t % 10 == 0) {
                        System.out.printf("t+%ds: placed %,d, offered %,d, PBX channels %,d, offer-to-pop %s%n", t, pbx.placed(),
                            offered.get(), pbx.liveChannels(), pop.summary().line());
                    }
                }
                pbx.stopCalling();
                pop.recording(false);
                double held = (pbx.placed() - placedBefore) / ((System.nanoTime() - started) / 1e9);
                // Talk ends by itself; callers still waiting when the run ends hang up, so every call has an end.
                Thread.sleep(talkMillis + 3_000L);
                pbx.hangUpEveryCaller();
                awaitQuiet(pbx, Duration.ofSeconds(30));
                // the history is written behind the calls: wait until the nodes' writers have nothing left for PostgreSQL
                awaitWritten(kill ? List.of(b) : List.of(a, b), Duration.ofSeconds(60));
                SoakInvariants inv = SoakInvariants.read(JDBC, schema);
                long dropped = b.dropped() + (kill ? 0 : a.dropped());
                System.out.printf("calls placed %,d (%.1f/s held), place failures %d; offered %,d; interactions %,d (answered %,d,"
                        + " abandoned %,d) by %d agents%n", pbx.placed(), held, pbx.placeFailures(), offered.get(), inv.rows(),
                    inv.answered(), inv.abandoned(), inv.agentsWhoTookCalls());
                System.out.printf("INVARIANTS: calls with exactly one outcome %,d of %,d; written twice %d; agents on two calls at once %d;"
                    + " AMI events dropped %d%s -> %s%n", inv.callsWithARow() - inv.callsWrittenTwice(), pbx.placed(),
                    inv.callsWrittenTwice(), inv.agentOverlaps(), dropped, kill ? " (node b; node a was killed)" : "",
                    inv.holds(pbx.placed()) && dropped == 0 ? "HELD" : "BROKEN");
                if (inv.callsWithARow() < pbx.placed()) {
                    System.out.printf("  calls without a row (number in the run): %s; the nodes' logs are in %s%n",
                        SoakInvariants.callsWithoutARow(JDBC, schema, pbx.placed()), dir);
                }
                System.out.printf("offer-to-pop over the measured %d s %s%n", seconds, pop.summary().line());
                Node holder = kill ? b : a;
                System.out.printf("holder (node %s) at the end: holds the floor %s; booking an agent in Redis mean %.2f ms, max %.1f ms;"
                        + " routing pass max %.2f ms; AMI queue depth %s%n", holder.name(), holder.metric("cti_floor_holder"),
                    1000 * ratio(holder.metric("cti_acd_booking_seconds_sum"), holder.metric("cti_acd_booking_seconds_count")),
                    1000 * number(holder.metric("cti_acd_booking_seconds_max")),
                    1000 * number(holder.metric("cti_acd_routing_seconds_max")),
                    holder.metric("cti_ami_queue_depth"));
                if (killedAt != null) {
                    System.out.printf("node a killed at %s; node b took %s takeover(s), holding the floor %s after the kill (lease 3 s)%n",
                        killedAt, b.metric("cti_floor_takeovers_total"),
                        tookOverAfter.get() == null ? "(not seen)" : tookOverAfter.get().toMillis() + " ms");
                }
            }
        }
    }

    private static double number(String v) {
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    private static double ratio(String sum, String count) {
        return number(sum) / number(count);
    }

    /** Waits until pbx-sim has no channel left (every call ended), or the timeout. */
    private static void awaitQuiet(CallDriver pbx, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pbx.liveChannels() > 0 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
    }

    /** How long after {@code since} the node said it holds the floor (its /metrics read every 100 ms), or null after 60 s. */
    private static Duration holdsFloorAfter(Node node, Instant since) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (System.nanoTime() < end) {
                if (number(node.metric("cti_floor_holder")) >= 1) {
                    return Duration.between(since, Instant.now());
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("could not watch node " + node.name() + " take over: " + e);
        }
        return null;
    }

    /** Waits until no node has history or queue_log entries buffered for PostgreSQL (both gauges 0), or the timeout. */
    private static void awaitWritten(List<Node> nodes, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            boolean written = true;
            for (Node n : nodes) {
                for (String gauge : List.of("cti_history_pending", "cti_queuelog_pending")) {
                    String v = n.metric(gauge);
                    if (v.isEmpty()) {
                        throw new IllegalStateException("node " + n.name() + " does not expose " + gauge + " on /metrics");
                    }
                    written &= number(v) == 0;
                }
            }
            if (written) {
                return;
            }
            Thread.sleep(500);
        }
        System.out.printf("the nodes' writers still held entries for PostgreSQL after %d s%n", timeout.toSeconds());
    }

    /** One node as its own JVM, from a generated config with the cluster section. */
    private record Node(String name, ServerProcess server, int http, int fastAgi) implements AutoCloseable {
        static Node start(String name, CallDriver pbx, int agents, String schema, String run, String hash, Map<String, String> env,
                          Path dir) throws Exception {
            int http = freePort();
            int agi = freePort();
            String yaml = FanOutConfig.yaml(agents, false, pbx.amiPort(), agi, http, hash)
                + "postgres: {jdbcUrl: \"" + JDBC + "?currentSchema=" + schema + "\", username: postgres, poolSize: 4}\n"
                + "redis: {uri: \"redis://127.0.0.1:6379\", keyPrefix: \"soak:" + run + ":\"}\n"
                + "cluster: {node: " + name + ", address: \"http://127.0.0.1:" + http + "\", leaseSeconds: 3}\n";
            Path config = dir.resolve("node-" + name + ".yaml");
            Files.writeString(config, yaml);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
            // -Dsoak.nodeJvm="-XX:StartFlightRecording=filename=/tmp/node-%s.jfr" profiles each node (%s: its name)
            String extra = System.getProperty("soak.nodeJvm", "").replace("%s", name);
            if (!extra.isBlank()) {
                cmd.addAll(List.of(extra.trim().split("\\s+")));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FanOutServerMain.class.getName(), config.toString(),
                Integer.toString(agents)));
            return new Node(name, ServerProcess.start(cmd, env, http, dir.resolve("node-" + name + ".log")), http, agi);
        }

        long dropped() throws Exception {
            String v = metric("cti_ami_events_dropped_total");
            return v.isEmpty() ? 0 : (long) Double.parseDouble(v);
        }

        /** The summed value of a metric on /metrics (all its series), or "" when the node does not expose it. */
        String metric(String name) throws Exception {
            double sum = 0;
            boolean seen = false;
            for (String line : server.getAsSupervisor("/metrics").lines().toList()) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    seen = true;
                }
            }
            return seen ? Double.toString(sum) : "";
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}

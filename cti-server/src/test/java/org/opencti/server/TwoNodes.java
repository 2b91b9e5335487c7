package org.opencti.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.pbxsim.PbxSimulator;
import org.opencti.pbxsim.SimCall;

/**
 * Two CTI nodes acting as one floor, as production wires them ({@link Stores#from}): one pbx-sim that both AMI links
 * reach, the local PostgreSQL (a schema of this fixture's own) and Redis (a key prefix of its own), a {@code cluster:}
 * section each. A node can stop cleanly ({@link #stop}) or crash ({@link #crash}: it stops renewing its lease and drops
 * its links without giving anything back, as a killed process would). {@link #proxied()} puts a {@link TcpProxy} between
 * the nodes and Redis and another between them and PostgreSQL, so a test can take either away from both nodes
 * ({@link #redisRestartsEmpty}, {@link #postgresRestarts}) without touching the servers the other tests use.
 */
final class TwoNodes implements AutoCloseable {
    static final String TOKEN_SECRET = "two-nodes-token-secret-0123456789abcdef";
    static final String REDIS_URI = "redis://127.0.0.1:6379";
    private static final int REDIS_PORT = 6379;
    private static final int POSTGRES_PORT = 5432;

    /** One node and what it was built from. */
    record Node(String name, ContactCentre centre, Stores stores, PrometheusMeterRegistry metrics) {
        int httpPort() {
            return centre.httpPort();
        }
    }

    /** What a test does while a server is away. */
    interface Outage {
        void run() throws Exception;
    }

    final PbxSimulator pbx;
    final String schema = "cti_two_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    final String keyPrefix = "two-nodes:" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Between the nodes and Redis, and PostgreSQL; null when the nodes reach them directly. */
    final TcpProxy redis;
    final TcpProxy postgres;

    TwoNodes() throws SQLException {
        this(null, null);
    }

    /** The nodes reach Redis and PostgreSQL through a proxy each. */
    static TwoNodes proxied() throws Exception {
        TcpProxy redis = new TcpProxy("127.0.0.1", REDIS_PORT);
        try {
            return new TwoNodes(redis, new TcpProxy("127.0.0.1", POSTGRES_PORT));
        } catch (Exception e) {
            redis.close();
            throw e;
        }
    }

    private TwoNodes(TcpProxy redis, TcpProxy postgres) throws SQLException {
        this.redis = redis;
        this.postgres = postgres;
        pbx = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "e2e-secret", null, 0, Clock.systemUTC())
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20))).start();
        sql("CREATE SCHEMA " + schema);
    }

    /** Starts node {@code name} (its lease {@code leaseSeconds}); the first started holds the floor. */
    Node start(String name, int leaseSeconds) throws Exception {
        PrometheusMeterRegistry metrics = ContactCentre.newRegistry();
        ContactCentreConfig config = ConfigLoader.parse(yaml(name, leaseSeconds), name + ".yaml",
            Map.of("CTI_AMI_SECRET", "e2e-secret", "CTI_TOKEN_SECRET", TOKEN_SECRET));
        Stores stores = Stores.from(config, metrics);
        ContactCentre centre = new ContactCentre(config, stores, Clock.systemUTC(), metrics);
        centre.start();
        Node node = new Node(name, centre, stores, metrics);
        nodes.put(name, node);
        return node;
    }

    /** The node stops as an operator stops it: it gives the floor up, flushes its writers. */
    void stop(Node node) {
        nodes.remove(node.name());
        node.centre().close();
        node.stores().close();
    }

    /** The node dies: no lease given back, nothing flushed; its AMI and HTTP sides go at once. */
    void crash(Node node) {
        nodes.remove(node.name());
        node.centre().crash();
        // what a dead process leaves: its connections close when the OS reaps it; nothing it buffered is written
        node.stores().close();
    }

    /**
     * Redis restarts without persistence, as the nodes see it: every connection drops, new ones are refused while
     * {@code down} runs, and it comes back with nothing of this fixture's (the prefix's keys deleted).
     */
    void redisRestartsEmpty(Outage down) throws Exception {
        redis.cut();
        try {
            down.run();
        } finally {
            deleteKeys();
            redis.restore();
        }
    }

    /** PostgreSQL restarts: every connection drops, new ones are refused while {@code down} runs; the data stays. */
    void postgresRestarts(Outage down) throws Exception {
        postgres.cut();
        try {
            down.run();
        } finally {
            postgres.restore();
        }
    }

    /** An agent's desktop on {@code node}, signed in and ready. */
    static DesktopClient ready(Node node, String agent) throws Exception {
        DesktopClient d = new DesktopClient(node.httpPort());
        d.connect(agent, "demo");
        d.send(new JsonObject().put("type", "ready"));
        d.awaitState("READY");
        return d;
    }

    /** A customer calls the entry IVR and keys {@code key} (1 billing, 2 support). */
    SimCall call(String number, String key) {
        SimCall c = pbx.placeInboundCall(number, "CALLER " + number, "5551000");
        pbx.press(c, key);
        return c;
    }

    /** History rows of the caller with this number. */
    long rows(String number) {
        try {
            return count("select count(*) from interactions where caller_number like '%" + number + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestNode.JDBC_URL + "?currentSchema=" + schema, "postgres", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The first column of the first row, as text (null when there is no row or it is null). */
    String text(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestNode.JDBC_URL + "?currentSchema=" + schema, "postgres", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private String yaml(String name, int leaseSeconds) {
        return """
            defaultRegion: US
            defaultQueue: support
            skills: [{name: billing}, {name: support}]
            queues:
              - {name: billing, skills: [{skill: billing, minLevel: 5}], wrapUpSeconds: 1, ringTimeoutSeconds: 15}
              - {name: support, skills: [{skill: support, minLevel: 3}], wrapUpSeconds: 1, ringTimeoutSeconds: 15}
            teams: [{name: blue}, {name: green}]
            agents:
              - {id: "2001", name: Ann Lee, team: blue, phone: Local/2001@agents, skills: {billing: 7, support: 4},
                 passwordHash: "HASH", role: agent}
              - {id: "2002", name: Bo Chen, team: green, phone: Local/2002@agents, skills: {support: 5}, passwordHash: "HASH",
                 role: agent}
              - {id: "2003", name: Cy Diaz, team: green, phone: Local/2003@agents, skills: {support: 5}, passwordHash: "HASH",
                 role: agent}
              - {id: "3001", name: Sam Reyes, team: blue, phone: Local/3001@agents, skills: {}, passwordHash: "HASH",
                 role: supervisor}
            asterisk:
              ami: {host: 127.0.0.1, port: PORT, username: cti, secret: "${CTI_AMI_SECRET}", pingIntervalSeconds: 1,
                    pingTimeoutSeconds: 1}
              fastAgi: {bindHost: 127.0.0.1, port: 0}
            http: {bindHost: 127.0.0.1, port: 0}
            postgres: {jdbcUrl: "JDBC?currentSchema=SCHEMA", username: postgres, poolSize: 2}
            redis: {uri: "REDIS", keyPrefix: "PREFIX"}
            cluster: {node: NAME, address: "http://127.0.0.1:0", leaseSeconds: LEASE}
            """.replace("HASH", TestNode.DEMO_HASH).replace("PORT", Integer.toString(pbx.amiPort()))
            .replace("JDBC", jdbcUrl()).replace("REDIS", redisUri()).replace("SCHEMA", schema).replace("PREFIX", keyPrefix)
            .replace("NAME", name)
            .replace("LEASE", Integer.toString(leaseSeconds));
    }

    /** The nodes' database URL: through the proxy when there is one. */
    private String jdbcUrl() {
        return postgres == null ? TestNode.JDBC_URL
            : TestNode.JDBC_URL.replace(":" + POSTGRES_PORT + "/", ":" + postgres.port() + "/");
    }

    private String redisUri() {
        return redis == null ? REDIS_URI : "redis://127.0.0.1:" + redis.port();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestNode.JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws Exception {
        for (Node n : nodes.values().stream().toList()) {
            stop(n);
        }
        pbx.close();
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        // the prefix's keys: a few per agent and call; removed so runs do not pile up
        deleteKeys();
        if (redis != null) {
            redis.close();
            postgres.close();
        }
    }

    /** Deletes every key under this fixture's prefix, straight on Redis (not through the proxy). */
    void deleteKeys() {
        RedisClient client = RedisClient.create(REDIS_URI);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            var keys = c.sync().keys(keyPrefix + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(new String[0]));
            }
        } finally {
            client.shutdown();
        }
    }
}

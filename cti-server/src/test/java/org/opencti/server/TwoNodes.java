package org.opencti.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

/**
 * Two CTI nodes acting as one floor, as production wires them ({@link Stores#from}): one pbx-sim that both AMI links
 * reach, the local PostgreSQL (a schema of this fixture's own) and Redis (a key prefix of its own), a {@code cluster:}
 * section each. A node can stop cleanly ({@link #stop}) or crash ({@link #crash}: it stops renewing its lease and drops
 * its links without giving anything back, as a killed process would).
 */
final class TwoNodes implements AutoCloseable {
    static final String TOKEN_SECRET = "two-nodes-token-secret-0123456789abcdef";

    /** One node and what it was built from. */
    record Node(String name, ContactCentre centre, Stores stores, PrometheusMeterRegistry metrics) {
        int httpPort() {
            return centre.httpPort();
        }
    }

    final PbxSimulator pbx;
    final String schema = "cti_two_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    final String keyPrefix = "two-nodes:" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    TwoNodes() throws SQLException {
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

    long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestNode.JDBC_URL + "?currentSchema=" + schema, "postgres", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
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
            redis: {uri: "redis://127.0.0.1:6379", keyPrefix: "PREFIX"}
            cluster: {node: NAME, address: "http://127.0.0.1:0", leaseSeconds: LEASE}
            """.replace("HASH", TestNode.DEMO_HASH).replace("PORT", Integer.toString(pbx.amiPort()))
            .replace("JDBC", TestNode.JDBC_URL).replace("SCHEMA", schema).replace("PREFIX", keyPrefix).replace("NAME", name)
            .replace("LEASE", Integer.toString(leaseSeconds));
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
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
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

package org.opencti.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.core.adapter.cache.CachingCustomerRecords;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.postgres.PostgresAgentStateLog;
import org.opencti.core.adapter.postgres.PostgresCustomerDirectory;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.opencti.core.adapter.postgres.PostgresInteractionLog;
import org.opencti.core.adapter.postgres.PostgresReports;
import org.opencti.core.adapter.postgres.PostgresSurveyLog;
import org.opencti.core.adapter.postgres.SampleCustomers;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.queuelog.PostgresQueueLog;
import org.opencti.core.write.BackgroundWriter;
import org.opencti.core.write.BufferedInteractionLog;
import org.opencti.dialer.run.RunnerSettings;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.pbxsim.PbxSimulator;

/**
 * One CTI node as production runs it, over real TCP: pbx-sim for Asterisk (AMI and FastAGI), the
 * Asterisk-Java adapter, the ACD, PostgreSQL for customers and history (a schema of its own), the
 * desktop API. Only agent state stays in memory here (Redis has its own contract tests).
 */
final class TestNode implements AutoCloseable {
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String DEMO_HASH = "$2a$10$0A4eNOvftPK6/C19shDC1OyV0xC7uyWAfi/rS./uI2HlANVkjc/m.";

    final PbxSimulator pbx;
    final String schema = "cti_e2e_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    final PostgresDatabase database;
    final ContactCentre centre;
    final List<PbxEvent> pbxEvents = new CopyOnWriteArrayList<>();
    final PostgresQueueLog queueLog;
    final BufferedInteractionLog history;
    /** Shared by the node and its database pool, as `run` does. */
    final PrometheusMeterRegistry metrics = ContactCentre.newRegistry();

    TestNode() throws Exception {
        this("");
    }

    /** With more top-level configuration, e.g. {@code ivrMenuFile: ...}. */
    TestNode(String moreConfig) throws Exception {
        this(moreConfig, RunnerSettings.defaults("e2e"));
    }

    /** With how the node runs its campaigns (a shorter ring for tests that wait for a no-answer). */
    TestNode(String moreConfig, RunnerSettings dialer) throws Exception {
        pbx = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "e2e-secret", null, 0, Clock.systemUTC())
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20))).start();
        sql("CREATE SCHEMA " + schema);
        database = new PostgresDatabase(JDBC_URL, "postgres", "", 4, schema, metrics);
        // as Stores.from wires PostgreSQL: profiles through the cache, interactions through its invalidating log
        CachingCustomerRecords customers = new CachingCustomerRecords(new PostgresCustomerDirectory(database.dataSource()));
        SampleCustomers.seed(customers);
        queueLog = new PostgresQueueLog(database.dataSource());
        // the history behind the calls, with the agents' state changes and the after-call work, as Stores.from does
        history = new BufferedInteractionLog(customers.invalidating(new PostgresInteractionLog(database.dataSource())),
            new PostgresAgentStateLog(database.dataSource()), BackgroundWriter.DEFAULT_CAPACITY, Duration.ofSeconds(5));
        Stores stores = new Stores(customers, history, new InMemoryAgentStateStore(), queueLog,
            new PostgresSurveyLog(database.dataSource()), new PostgresReports(database.dataSource()),
            Stores.Outbound.postgres(database.dataSource()), List.of(), history, Stores.Desk.postgres(database.dataSource()));
        ContactCentreConfig config = ConfigLoader.parse(yaml() + moreConfig, "e2e.yaml", Map.of("CTI_AMI_SECRET", "e2e-secret"));
        centre = new ContactCentre(config, stores, Clock.systemUTC(), metrics, dialer);
        centre.pbx().addListener(pbxEvents::add);
        centre.start();
        pbx.routeIvrTo("127.0.0.1", centre.fastAgiPort());
        Await.until("the AMI link is up and resynced", Duration.ofSeconds(20),
            () -> pbxEvents.stream().anyMatch(e -> e instanceof PbxEvent.ChannelsResynced));
    }

    private String yaml() {
        return """
            defaultRegion: US
            defaultQueue: support
            skills: [{name: billing}, {name: support}]
            queues:
              - {name: billing, skills: [{skill: billing, minLevel: 5}], wrapUpSeconds: 1, ringTimeoutSeconds: 15, record: true,
                 dispositions: [{code: resolved, label: Resolved}, {code: refund-issued, label: Refund issued}]}
              - {name: support, skills: [{skill: support, minLevel: 3}], wrapUpSeconds: 1, ringTimeoutSeconds: 15,
                 announcePositionSeconds: 15}
            teams: [{name: blue}, {name: green}]
            agents:
              - {id: "2001", name: Ann Lee, team: blue, phone: Local/2001@agents, skills: {billing: 7, support: 4},
                 passwordHash: "HASH", role: agent}
              - {id: "2002", name: Bo Chen, team: green, phone: Local/2002@agents, skills: {support: 5}, passwordHash: "HASH",
                 role: agent}
              - {id: "3001", name: Sam Reyes, team: blue, phone: Local/3001@agents, skills: {}, passwordHash: "HASH",
                 role: supervisor}
              - {id: "9001", name: Ada Admin, team: blue, phone: Local/9001@agents, skills: {}, passwordHash: "HASH", role: admin}
            asterisk:
              ami: {host: 127.0.0.1, port: PORT, username: cti, secret: "${CTI_AMI_SECRET}", pingIntervalSeconds: 1,
                    pingTimeoutSeconds: 1}
              fastAgi: {bindHost: 127.0.0.1, port: 0}
            http: {bindHost: 127.0.0.1, port: 0}
            desk:
              extensions: {pattern: "21[0-9]{2}", dialString: "Local/{extension}@agents"}
              callbacks: {graceSeconds: 30}
            """.replace("HASH", DEMO_HASH).replace("PORT", Integer.toString(pbx.amiPort()));
    }

    /** The pages' campaign desk (previews, dispositions, figures) becomes {@code desk}, e.g. a recording fake. */
    void useCampaignDesk(CampaignDesk desk) {
        centre.desktopServer().setCampaignDesk(desk);
    }

    int httpPort() {
        return centre.httpPort();
    }

    long resyncCount() {
        return pbxEvents.stream().filter(e -> e instanceof PbxEvent.ChannelsResynced).count();
    }

    long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL + "?currentSchema=" + schema, "postgres", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws Exception {
        centre.close();
        history.close();
        queueLog.close();
        pbx.close();
        database.close();
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}

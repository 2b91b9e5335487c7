package org.opencti.server;

import java.time.Clock;
import org.opencti.core.adapter.memory.InMemoryDesktopRelay;
import org.opencti.core.adapter.memory.InMemoryFloor;
import org.opencti.core.adapter.memory.InMemoryLiveCallStore;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.DesktopRelay;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCallStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencti.config.ContactCentreConfig;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.opencti.core.adapter.cache.CachingCustomerRecords;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryDeskDefaults;
import org.opencti.core.adapter.memory.InMemoryScheduledCallbackStore;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.adapter.memory.InMemorySurveyLog;
import org.opencti.core.adapter.postgres.PostgresAgentStateLog;
import org.opencti.core.adapter.postgres.PostgresCustomerDirectory;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.opencti.core.adapter.postgres.PostgresDeskDefaults;
import org.opencti.core.adapter.postgres.PostgresInteractionLog;
import org.opencti.core.adapter.postgres.PostgresReports;
import org.opencti.core.adapter.postgres.PostgresScheduledCallbackStore;
import org.opencti.core.adapter.postgres.PostgresSurveyLog;
import org.opencti.core.adapter.redis.RedisAgentStateStore;
import org.opencti.core.adapter.redis.RedisDesktopRelay;
import org.opencti.core.adapter.redis.RedisFloor;
import org.opencti.core.adapter.redis.RedisLink;
import org.opencti.core.adapter.redis.RedisLiveCallStore;
import org.opencti.core.adapter.redis.RedisCacheInvalidation;
import org.opencti.core.port.AgentStateLog;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.DeskDefaults;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.queuelog.CompositeQueueLog;
import org.opencti.core.queuelog.FileQueueLog;
import org.opencti.core.queuelog.InMemoryQueueLog;
import org.opencti.core.queuelog.PostgresQueueLog;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.report.Reports;
import org.opencti.core.write.BackgroundWriter;
import org.opencti.core.write.BufferedInteractionLog;
import javax.sql.DataSource;
import org.opencti.dialer.campaign.CampaignStates;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.InMemoryCampaignStates;
import org.opencti.dialer.campaign.InMemoryCampaignStore;
import org.opencti.dialer.campaign.PostgresCampaignStates;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.compliance.AttemptLog;
import org.opencti.dialer.compliance.CustomerStandings;
import org.opencti.dialer.compliance.DncLists;
import org.opencti.dialer.compliance.InMemoryAttemptLog;
import org.opencti.dialer.compliance.InMemoryCustomerStandings;
import org.opencti.dialer.compliance.InMemoryDncLists;
import org.opencti.dialer.compliance.InMemoryRefusalLog;
import org.opencti.dialer.compliance.PostgresAttemptLog;
import org.opencti.dialer.compliance.PostgresCustomerStandings;
import org.opencti.dialer.compliance.PostgresDncLists;
import org.opencti.dialer.compliance.PostgresRefusalLog;
import org.opencti.dialer.compliance.RefusalLog;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.PostgresLeadStore;
import org.opencti.dialer.run.CallbackStore;
import org.opencti.dialer.run.InMemoryCallbackStore;
import org.opencti.dialer.run.PostgresCallbackStore;

/**
 * The storage ports, real or in memory as the configuration says, and what must be closed with them. {@code reports}
 * (the historical reports) and {@code stateHistory} (the agents' state changes they read) exist only over PostgreSQL:
 * null in memory. {@code stateHistory} must not block (the ACD's thread records into it): over PostgreSQL it is the
 * interaction history's background writer. {@code desk}: the agent desk's stores. {@code cluster}: what nodes share to act
 * as one floor (Redis with a {@code redis:} section, else this node's own in memory).
 */
public record Stores(CustomerRecords customers, InteractionLog interactions, AgentStateStore agentStates,
                     QueueLog queueLog, SurveyLog surveys, Reports reports, Outbound outbound, List<AutoCloseable> resources,
                     AgentStateLog stateHistory, Desk desk, Cluster cluster)
    implements AutoCloseable {

    /** The floor lease, the agent bookings, the live calls a new floor holder adopts, the desktop frames between nodes. */
    public record Cluster(FloorLease floor, AgentBookings bookings, LiveCallStore liveCalls, DesktopRelay relay) {
        /** A node alone: its own floor in memory, which it holds from the start. */
        public static Cluster inMemory(Clock clock) {
            InMemoryFloor floor = new InMemoryFloor(clock);
            return new Cluster(floor, floor, new InMemoryLiveCallStore(), new InMemoryDesktopRelay.Bus().relay());
        }
    }

    /** The agent desk's: scheduled callbacks and agents' last desk extensions (the dial guard reads {@link Outbound#dnc()}). */
    public record Desk(ScheduledCallbackStore callbacks, DeskDefaults defaults) {
        public static Desk inMemory() {
            return new Desk(new InMemoryScheduledCallbackStore(), new InMemoryDeskDefaults());
        }

        /** In PostgreSQL (V10). */
        public static Desk postgres(DataSource dataSource) {
            return new Desk(new PostgresScheduledCallbackStore(dataSource), new PostgresDeskDefaults(dataSource));
        }
    }

    /**
     * The dialer's campaigns with their states and lead lists, the do-not-call lists, and the logs of attempts and refused
     * dials, the agreed callbacks and the customers' standings the dial policy reads, all in one place (PostgreSQL or memory,
     * never a mix: the lists refer to the campaigns).
     */
    public record Outbound(CampaignStore campaigns, CampaignStates states, LeadStore leads, DncLists dnc, AttemptLog attempts,
                           RefusalLog refusals, CallbackStore callbacks, CustomerStandings standings) {
        /** In memory; the customer store's do-not-call entries (its erasures) count as internal entries. */
        public static Outbound inMemory(CustomerRecords customers) {
            InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
            return new Outbound(campaigns, new InMemoryCampaignStates(campaigns), new InMemoryLeadStore(),
                new InMemoryDncLists(customers::doNotCall), new InMemoryAttemptLog(), new InMemoryRefusalLog(), new InMemoryCallbackStore(),
                new InMemoryCustomerStandings());
        }

        /** In PostgreSQL (V9, V12), where an erasure writes the internal list itself. */
        public static Outbound postgres(DataSource dataSource) {
            return new Outbound(new PostgresCampaignStore(dataSource), new PostgresCampaignStates(dataSource),
                new PostgresLeadStore(dataSource), new PostgresDncLists(dataSource), new PostgresAttemptLog(dataSource),
                new PostgresRefusalLog(dataSource), new PostgresCallbackStore(dataSource), new PostgresCustomerStandings(dataSource));
        }
    }

    /** The id of a node alone (no {@code cluster:} section). */
    public static final String SOLO_NODE = "solo";

    public Stores {
        resources = List.copyOf(resources);
        desk = desk == null ? Desk.inMemory() : desk;
        cluster = cluster == null ? Cluster.inMemory(Clock.systemUTC()) : cluster;
    }

    /** A node alone (its own floor, in memory). */
    public Stores(CustomerRecords customers, InteractionLog interactions, AgentStateStore agentStates, QueueLog queueLog,
                  SurveyLog surveys, Reports reports, Outbound outbound, List<AutoCloseable> resources, AgentStateLog stateHistory,
                  Desk desk) {
        this(customers, interactions, agentStates, queueLog, surveys, reports, outbound, resources, stateHistory, desk, null);
    }

    /** The agent desk's stores in memory. */
    public Stores(CustomerRecords customers, InteractionLog interactions, AgentStateStore agentStates, QueueLog queueLog,
                  SurveyLog surveys, Reports reports, Outbound outbound, List<AutoCloseable> resources, AgentStateLog stateHistory) {
        this(customers, interactions, agentStates, queueLog, surveys, reports, outbound, resources, stateHistory, Desk.inMemory());
    }

    /** Without an agent state history. */
    public Stores(CustomerRecords customers, InteractionLog interactions, AgentStateStore agentStates, QueueLog queueLog,
                  SurveyLog surveys, Reports reports, Outbound outbound, List<AutoCloseable> resources) {
        this(customers, interactions, agentStates, queueLog, surveys, reports, outbound, resources, null, Desk.inMemory());
    }

    /** Without the historical reports; campaigns and leads in memory. */
    public Stores(CustomerRecords customers, InteractionLog interactions, AgentStateStore agentStates, QueueLog queueLog,
                  SurveyLog surveys, List<AutoCloseable> resources) {
        this(customers, interactions, agentStates, queueLog, surveys, null, Outbound.inMemory(customers), resources);
    }

    public static Stores inMemory() {
        InMemoryInteractionLog history = new InMemoryInteractionLog();
        return new Stores(new InMemoryCustomerDirectory(history), history, new InMemoryAgentStateStore(), new InMemoryQueueLog(),
            new InMemorySurveyLog(), List.of());
    }

    /**
     * PostgreSQL when configured, else memory; Redis when configured, else memory. {@code registry} gets the pool's
     * and Redis's latencies (null for none).
     */
    public static Stores from(ContactCentreConfig config, MeterRegistry registry) {
        List<AutoCloseable> resources = new ArrayList<>();
        Stores memory = inMemory();
        CustomerRecords customers = memory.customers();
        InteractionLog interactions = memory.interactions();
        CachingCustomerDirectory cached = null;
        AgentStateStore states = memory.agentStates();
        QueueLog queueLog = memory.queueLog();
        SurveyLog surveys = memory.surveys();
        Reports reports = null;
        Outbound outbound = memory.outbound();
        AgentStateLog stateHistory = null;
        Desk desk = memory.desk();
        if (config.postgres() != null) {
            var pg = config.postgres();
            PostgresDatabase db = new PostgresDatabase(pg.jdbcUrl(), pg.username(), pg.password(), pg.poolSize(), null, registry);
            resources.add(db);
            // Profiles are cached in front of the database (the IVR, the pop and an account lookup ask for the same
            // caller within seconds). The in-memory store is not cached: it is as fast as the cache would be.
            CachingCustomerRecords records = new CachingCustomerRecords(new PostgresCustomerDirectory(db.dataSource()));
            cached = records.cache();
            if (registry != null) {
                cached.bindTo(registry);
            }
            customers = records;
            // Written behind the calls: a database briefly down delays the history, never a call, and loses nothing.
            // The cache drops the customer's profile once the row is in (inside the buffer, not when the call is
            // queued for writing), so the caller's next pop lists the call just ended. The agents' state changes and
            // the after-call work go through the same writer, in order, through outages alike.
            BufferedInteractionLog history = new BufferedInteractionLog(
                cached.invalidating(new PostgresInteractionLog(db.dataSource())), new PostgresAgentStateLog(db.dataSource()),
                BackgroundWriter.DEFAULT_CAPACITY, BackgroundWriter.DEFAULT_CLOSE_TIMEOUT);
            resources.add(history);
            interactions = history;
            stateHistory = history;
            surveys = new PostgresSurveyLog(db.dataSource());
            reports = new PostgresReports(db.dataSource());
            outbound = Outbound.postgres(db.dataSource());
            desk = Desk.postgres(db.dataSource());
            PostgresQueueLog pgLog = new PostgresQueueLog(db.dataSource());
            // Closed before the database (resources close in reverse order), so it can flush what it holds.
            resources.add(pgLog);
            queueLog = pgLog;
            if (registry != null) {
                // what PostgreSQL has not taken yet: grows while it is down or slow, and is written once it answers
                Gauge.builder("cti.history.pending", history, BufferedInteractionLog::pending)
                    .description("interactions, agent state changes and after-call work buffered, not yet in PostgreSQL")
                    .register(registry);
                Gauge.builder("cti.queuelog.pending", pgLog, PostgresQueueLog::pending)
                    .description("queue_log entries buffered, not yet in PostgreSQL").register(registry);
            }
        }
        if (config.queueLogFile() != null) {
            FileQueueLog file = new FileQueueLog(Path.of(config.queueLogFile()));
            resources.add(file);
            queueLog = config.postgres() == null ? file : new CompositeQueueLog(List.of(queueLog, file));
        }
        Cluster cluster = null;
        if (config.redis() != null) {
            // the agent states, the floor, the bookings, the live calls and the desktop relay share one Redis client per node
            RedisLink link = new RedisLink(config.redis().uri(), config.redis().keyPrefix(), registry);
            resources.add(link);
            RedisFloor floor = new RedisFloor(link);
            cluster = new Cluster(floor, floor, new RedisLiveCallStore(link), new RedisDesktopRelay(link, nodeId(config)));
            states = new RedisAgentStateStore(link); // over the node's link: closed with it
            if (cached != null) {
                // several nodes over one database: each tells the others what its writes changed
                resources.add(new RedisCacheInvalidation(config.redis().uri(), config.redis().keyPrefix(), cached));
            }
        }
        return new Stores(customers, interactions, states, queueLog, surveys, reports, outbound, resources, stateHistory, desk, cluster);
    }

    /** This node's id among the nodes: the configured one, else {@value #SOLO_NODE} (a node alone). */
    public static String nodeId(ContactCentreConfig config) {
        return config.cluster() != null ? config.cluster().node() : SOLO_NODE;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // closing on the way out: nothing more useful to do than carry on closing the rest
            }
        }
    }
}

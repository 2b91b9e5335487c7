package org.opencti.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opencti.acd.AcdPorts;
import org.opencti.acd.ClusterPorts;
import org.opencti.acd.AcdService;
import org.opencti.acd.OutboundAgents;
import org.opencti.acd.AcdSetup;
import org.opencti.acd.DeskPorts;
import org.opencti.acd.SupervisorActions;
import org.opencti.config.AgentDef;
import org.opencti.config.ClusterDef;
import org.opencti.config.ContactCentreConfig;
import org.opencti.config.SkillDef;
import org.opencti.core.agent.AgentStateHistory;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.survey.Satisfaction;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.core.cluster.FloorLease;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.http.CampaignApi;
import org.opencti.desktop.http.CampaignStaff;
import org.opencti.desktop.http.DesktopServer;
import org.opencti.desktop.ws.DesktopHub;
import org.opencti.desktop.ws.WallboardPush;
import org.opencti.dialer.compliance.NationalRegisterImporter;
import org.opencti.dialer.lead.CustomerLookup;
import org.opencti.dialer.lead.LeadImporter;
import org.opencti.dialer.run.RunnerSettings;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.agi.FastAgiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CTI node, assembled from the configuration: the AMI link, the ACD, screen pops, the FastAGI IVR
 * and the desktop API. This is the whole wiring; nothing else news up a part.
 */
public final class ContactCentre implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContactCentre.class);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(10);
    private static final int WORKER_THREADS = 8;

    private final ContactCentreConfig config;
    private final PrometheusMeterRegistry metrics;
    private final Vertx vertx = Vertx.vertx();
    private final StateOwner acdOwner = new StateOwner("cti-acd");
    private final ExecutorService worker;
    private final PbxLinks pbx;
    private final AcdService acd;
    private final DesktopHub hub;
    private final DesktopServer http;
    private final FastAgiServer fastAgi;
    private final CampaignRunners campaigns;
    /** The node's claim on the floor, with Redis; null for a node alone in memory (it always holds the floor). */
    private final NodeFloor floor;
    private final ScheduledExecutorService floorThread;

    public ContactCentre(ContactCentreConfig config, Stores stores, Clock clock) {
        this(config, stores, clock, newRegistry());
    }

    /** With the registry the stores already report to (connection pool, Redis latencies), so /metrics shows them too. */
    public ContactCentre(ContactCentreConfig config, Stores stores, Clock clock, PrometheusMeterRegistry metrics) {
        this(config, stores, clock, metrics, RunnerSettings.defaults(System.getenv().getOrDefault("HOSTNAME", "cti-node")));
    }

    /** With how this node runs its campaigns (its id in lead claims, ring timeout, lease, ...). */
    public ContactCentre(ContactCentreConfig config, Stores stores, Clock clock, PrometheusMeterRegistry metrics, RunnerSettings dialer) {
        this.config = config;
        this.metrics = metrics;
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        AtomicInteger n = new AtomicInteger();
        // Blocking I/O (JDBC, Redis) happens here, never on the ACD owner or an event loop.
        this.worker = Executors.newFixedThreadPool(WORKER_THREADS, r -> {
            Thread t = new Thread(r, "cti-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // One AMI link per Asterisk box; with several, channel names carry their box (see MultiBoxGateway).
        this.pbx = PbxLinks.from(config, clock, metrics);
        AcdSetup setup = AcdConfiguration.from(config);
        int deadline = config.postgres() == null ? 250 : config.postgres().lookupDeadlineMillis();
        ScreenPopService pops = new ScreenPopService(stores.customers(), new PhoneNumbers(config.defaultRegion()), worker,
            Duration.ofMillis(deadline), metrics);
        DesktopHub[] late = new DesktopHub[1];
        // Supervisors' wallboards hear of queue moments (queued, answered, abandoned, members added) through the queue_log the
        // ACD writes, and of agent moments through the desktop events: see WallboardPush.
        DesktopNotifier desktops = e -> late[0].notify(e);
        // Every agent state change reaches the desktops; the state history the interval reports read is kept from there.
        if (stores.stateHistory() != null) {
            desktops = AgentStateHistory.recording(stores.stateHistory(), desktops);
        }
        AcdPorts ports = new AcdPorts(pbx, pops, desktops, stores.agentStates(), stores.interactions(), worker,
            WallboardPush.signalling(stores.queueLog(), () -> late[0].wallboard().changed()),
            new DeskPorts(stores.desk().callbacks(), stores.desk().defaults(), new DoNotCallGuard(stores.outbound().dnc())));
        // With Redis the node is one of a floor's nodes (or a node alone that rebuilds from Redis after a restart): its ACD
        // starts as a standby and routes once the node holds the floor. In memory it is alone and holds it from the start.
        boolean shared = config.redis() != null;
        this.acd = shared
            ? new AcdService(setup, ports, acdOwner, new ExecutorScheduler(clock, acdOwner.executor()), metrics, ClusterPorts.shared(
                stores.cluster().floor(), stores.cluster().bookings(), stores.cluster().liveCalls()))
            : new AcdService(setup, ports, acdOwner, new ExecutorScheduler(clock, acdOwner.executor()), metrics);
        pbx.addListener(acd);
        // The dialer's view of the agents hears each PBX event after the ACD (same owner, queued behind it); the campaign
        // lines hear them on the gateway's thread and hop onto their runner.
        OutboundAgents outboundAgents = new OutboundAgents(acd, new ExecutorScheduler(clock, acdOwner.executor()));
        pbx.addListener(outboundAgents);
        this.campaigns = new CampaignRunners(stores.outbound(), outboundAgents, pbx, e -> late[0].notify(e), worker, clock, dialer);
        pbx.addListener(campaigns.lines());
        this.floorThread = shared ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cti-floor");
            t.setDaemon(true);
            return t;
        }) : null;
        this.floor = shared ? new NodeFloor(Stores.nodeId(config), "", Duration.ofSeconds(config.cluster() == null
            ? ClusterDef.DEFAULT_LEASE_SECONDS : config.cluster().leaseSeconds()), stores.cluster().floor(),
            new FloorDuty(acd, campaigns, worker), new ExecutorScheduler(clock, floorThread), metrics, pbx::isConnected) : null;
        List<User> users = config.agents().stream().map(ContactCentre::user).toList();
        // With CTI_TOKEN_SECRET every node accepts every node's tokens; without it a random secret per start (one node).
        String tokenSecret = config.http().tokenSecret();
        AuthService auth = tokenSecret == null ? new AuthService(users, clock, TOKEN_LIFETIME)
            : new AuthService(users, clock, TOKEN_LIFETIME, AuthService.secret(tokenSecret));
        // a page that reconnects is sent its open campaign preview or call to dispose again (kept where the runners run)
        this.hub = new DesktopHub(vertx, auth, acd, campaigns.openFrames());
        late[0] = hub;
        var h = config.http();
        this.http = new DesktopServer(vertx, new DesktopServer.Settings(h.bindHost(), h.port(), h.allowedOrigins(),
            h.maxWebSocketFrameBytes()), auth, acd, hub, metrics);
        if (floor != null) {
            // desktops on any node: frames relayed through Redis, a standby's API calls forwarded to the holder
            String me = Stores.nodeId(config);
            http.joinCluster(new FloorAccess() {
                @Override
                public boolean holdsFloor() {
                    return floor.holds();
                }

                @Override
                public Optional<String> holderAddress() {
                    return floor.holder().filter(t -> !t.nodeId().equals(me)).map(FloorLease.Tenure::address);
                }
            }, stores.cluster().relay());
        }
        // the customer API audits every change with the signed-in user and this clock
        http.setCustomers(stores.customers(), new PhoneNumbers(config.defaultRegion()), clock);
        IvrSetup.Ivr ivr = IvrSetup.create(config, AcdConfiguration.calendars(config), stores.customers(), stores.surveys(), worker,
            clock, metrics);
        if (ivr.reload() != null) {
            http.addAdminAction("ivr/reload", ivr.reload());
            http.addReport("ivr-containment", ivr.containment());
            http.addReport("satisfaction", () -> satisfaction(stores.surveys()));
        }
        // One FastAGI listener for every box; each session is counted under the box it came from.
        AgiScriptRouter scripts = new AgiBoxes(config.boxes()).counting(ivr.router(), metrics);
        this.fastAgi = new FastAgiServer(config.fastAgi().bindHost(), config.fastAgi().port(), scripts, metrics);
        // The historical reports read PostgreSQL; in memory they answer 503 saying so. A supervisor sees their team's agents.
        Map<String, Set<String>> teams = config.agents().stream().filter(a -> a.team() != null)
            .collect(Collectors.groupingBy(AgentDef::team, Collectors.mapping(AgentDef::id, Collectors.toUnmodifiableSet())));
        http.setReports(stores.reports(), team -> teams.getOrDefault(team, Set.of()));
        // The campaign API (campaigns, lead lists, do-not-call lists, compliance logs) over the stores' outbound side
        // (PostgreSQL, else memory); starting, pausing, stopping and editing a campaign drive its runner here.
        http.setReportZone(config.zone());
        Stores.Outbound outbound = stores.outbound();
        http.setCampaigns(new CampaignApi(outbound.campaigns(), outbound.states(), campaigns, outbound.leads(),
            new LeadImporter(outbound.leads(), CustomerLookup.of(stores.customers()), config.defaultRegion(),
                LeadImporter.Limits.DEFAULT, clock), outbound.dnc(),
            new NationalRegisterImporter(outbound.dnc(), config.defaultRegion(), NationalRegisterImporter.Limits.DEFAULT, clock),
            outbound.attempts(), outbound.refusals(), staff(config), new PhoneNumbers(config.defaultRegion()), clock));
        http.setCampaignDesk(campaigns);
        if (pbx.boxes().size() == 1) {
            http.addHealthCheck("asterisk-ami", pbx::isConnected);
        } else {
            // The node serves every box's calls: it is not healthy while it cannot see one of them.
            pbx.boxes().forEach(box -> http.addHealthCheck("asterisk-ami-" + box, pbx.link(box)::isConnected));
        }
        // Supervisors and admins listen, whisper and barge from their own configured phones.
        http.setSupervision(new SupervisorActions(acd, pbx, config.agents().stream().filter(a -> !AgentDef.ROLE_AGENT.equals(a.role()))
            .collect(Collectors.toMap(AgentDef::id, AgentDef::phone))));
    }

    /** The satisfaction index by agent and by queue, from the stored survey answers. */
    private static Map<String, Object> satisfaction(SurveyLog surveys) {
        return Map.of("byAgent", rows(surveys.byAgent()), "byQueue", rows(surveys.byQueue()));
    }

    private static List<Map<String, Object>> rows(List<Satisfaction> figures) {
        return figures.stream().map(s -> Map.<String, Object>of("key", s.key(), "answers", s.answers(), "averageScore",
            s.averageScore(), "index", s.index())).toList();
    }

    /** Who could work which campaign: the agents (not supervisors or admins) with their team and skills. */
    private static CampaignStaff staff(ContactCentreConfig config) {
        Map<String, CampaignStaff.Member> agents = config.agents().stream().filter(a -> AgentDef.ROLE_AGENT.equals(a.role()))
            .collect(Collectors.toMap(AgentDef::id, a -> new CampaignStaff.Member(a.team(), a.skills().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).collect(Collectors.toSet()))));
        return new CampaignStaff(agents, config.skills().stream().map(SkillDef::name).collect(Collectors.toSet()));
    }

    private static User user(AgentDef a) {
        return new User(a.id(), a.name(), a.team(), Role.parse(a.role()), a.passwordHash());
    }

    /** Listen for FastAGI and HTTP first, then connect to Asterisk, so calls arriving at once find us ready. */
    public ContactCentre start() throws Exception {
        fastAgi.start();
        http.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        pbx.start();
        if (floor == null) {
            // Campaigns stored as running (the node stopped while they ran) run again.
            worker.execute(campaigns::resumeRunning);
            // agents' scheduled callbacks survive a restart: the open ones are read back (those due meanwhile are made now)
            acd.desk().restore().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } else {
            // The first claim once the PBX is seen (a node that cannot see Asterisk does not take the floor); then on a timer.
            floor.address(nodeAddress());
            floorThread.submit(floor::start).get(60, TimeUnit.SECONDS);
        }
        LOG.info("CTI node up: desktop http://{}:{}/, FastAGI {}:{}, AMI {}", config.http().bindHost(), http.port(),
            config.fastAgi().bindHost(), fastAgi.port(), config.boxes().stream()
                .map(b -> b.name() + " " + b.ami().host() + ":" + b.ami().port()).collect(Collectors.joining(", ")));
        return this;
    }

    /** Where the other nodes reach this one: the configured address, with port 0 meaning this node's HTTP port (tests). */
    private String nodeAddress() {
        if (config.cluster() == null) {
            return "http://" + config.http().bindHost() + ":" + http.port();
        }
        String a = config.cluster().address().replaceAll("/$", "");
        return a.endsWith(":0") ? a.substring(0, a.length() - 1) + http.port() : a;
    }

    /** Whether this node holds the floor now (routes calls, runs campaigns); a node alone always does. */
    public boolean holdsFloor() {
        return floor == null || floor.holds();
    }

    public int httpPort() {
        return http.port();
    }

    public int fastAgiPort() {
        return fastAgi.port();
    }

    public AcdService acd() {
        return acd;
    }

    /** The node's gateway, and its AMI links (one per Asterisk box). */
    public PbxLinks pbx() {
        return pbx;
    }

    public DesktopHub desktops() {
        return hub;
    }

    /** The desktop API, for what is wired to it after construction (a test's own campaign desk, say). */
    public DesktopServer desktopServer() {
        return http;
    }

    /** A registry of the kind the node serves at /metrics; create it first to hand it to {@link Stores#from} as well. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** The node's campaign runners (the dialer's hook and the pages' desk). */
    CampaignRunners campaigns() {
        return campaigns;
    }

    /**
     * The node dies, for tests of a crash: its lease is not given back (the other node waits it out), its AMI and HTTP sides
     * close at once. What its stores buffered is the caller's to drop or close.
     */
    void crash() {
        if (floor != null) {
            floor.halt();
            floorThread.shutdownNow();
        }
        acd.leaveFloor();
        campaigns.close();
        pbx.close();
        fastAgi.close();
        vertx.close();
        acdOwner.close();
        worker.shutdownNow();
    }

    @Override
    public void close() {
        if (floor != null) {
            try {
                floorThread.submit(floor::close).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("the floor was not given up cleanly ({}); its lease runs out by itself", e.toString());
            }
            floorThread.shutdownNow();
        }
        campaigns.close();
        pbx.close();
        fastAgi.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP side did not stop cleanly: {}", e.toString());
        }
        acdOwner.close();
        worker.shutdownNow();
    }
}

package org.opencti.desktop.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencti.acd.AcdService;
import org.opencti.acd.SupervisorActions;
import org.opencti.core.cluster.DesktopRelay;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.report.Reports;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.campaign.CampaignBoard;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.cluster.HolderCalls;
import org.opencti.desktop.ws.DesktopHub;

/** The desktop's HTTP side: REST under /api/v1, the events WebSocket, health, metrics and the pages. */
public final class DesktopServer {
    /** Where to listen and what to accept. */
    public record Settings(String host, int port, List<String> allowedOrigins, int maxFrameBytes) {
        public Settings {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    private static final String EVENTS_PATH = "/api/v1/events";
    private static final long MAX_BODY_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final Settings settings;
    private final AuthService auth;
    private final DesktopHub hub;
    private final AgentRoutes agentRoutes;
    private final AcdService acd;
    private final PrometheusMeterRegistry metrics;
    private final Map<String, BooleanSupplier> healthChecks = new ConcurrentSkipListMap<>();
    private final Map<String, Supplier<AdminOutcome>> adminActions = new ConcurrentSkipListMap<>();
    private final Map<String, Supplier<Map<String, Object>>> reports = new ConcurrentSkipListMap<>();
    private volatile SupervisorActions supervision;
    private volatile CustomerRoutes.Backend customers;
    private Reports historicalReports;
    private Function<String, Set<String>> agentsOfTeam = team -> Set.of();
    private volatile CampaignApi campaigns;
    /** The running campaigns' side for the pages (previews, dispositions, figures); the campaign routes read it. */
    private volatile CampaignDesk campaignDesk = CampaignDesk.NONE;
    private final CampaignCalls campaignCalls;
    private ZoneId reportZone = ZoneOffset.UTC;
    private final CampaignBoard campaignBoard;
    private HttpServer server;
    private Router router;
    private ForwardToHolder forwarding;

    public DesktopServer(Vertx vertx, Settings settings, AuthService auth, AcdService acd, DesktopHub hub,
                         PrometheusMeterRegistry metrics) {
        this.vertx = vertx;
        this.settings = settings;
        this.auth = auth;
        this.hub = hub;
        this.metrics = metrics;
        this.agentRoutes = new AgentRoutes(vertx, auth, acd);
        this.acd = acd;
        this.campaignCalls = new CampaignCalls(vertx, agentRoutes, () -> campaigns);
        this.campaignBoard = new CampaignSight(vertx, () -> campaignDesk, () -> campaigns);
        hub.wallboard().setCampaigns(campaignBoard);
    }

    /**
     * Makes this node one of several sharing the floor: while {@code floor} says another node holds it, every
     * {@code /api/v1} request but login, logout and the OpenAPI document is forwarded to the holder (an answer within
     * {@code forwardTimeout}, else 504; no holder known: 503), agents' socket commands go there too, and desktop frames
     * and logouts travel between the nodes over {@code relay}. Without it (one node) the node always holds the floor.
     * Once, before {@link #start()}.
     */
    public void joinCluster(FloorAccess floor, DesktopRelay relay, Duration forwardTimeout) {
        HolderCalls holder = new HolderCalls(vertx, floor, forwardTimeout);
        agentRoutes.joinCluster(floor, holder);
        hub.joinCluster(floor, relay, holder);
        forwarding = new ForwardToHolder(floor, holder, agentRoutes);
    }

    /** {@link #joinCluster(FloorAccess, DesktopRelay, Duration)} with the usual 5 s for the holder to answer. */
    public void joinCluster(FloorAccess floor, DesktopRelay relay) {
        joinCluster(floor, relay, Duration.ofSeconds(5));
    }

    public Future<HttpServer> start() {
        router = Router.router(vertx);
        if (forwarding != null) {
            // first of all: a forwarded request's body is streamed to the holder, so nothing here may read it before
            router.route("/api/v1/*").handler(forwarding);
        }
        // before the body handler: lead files, national registers and customer imports are larger than its limit
        new LeadListRoutes(campaignCalls).mount(router);
        DncRoutes dnc = new DncRoutes(campaignCalls);
        dnc.mountUpload(router);
        new CustomerImportRoutes(vertx, agentRoutes, () -> customers).mount(router);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(ctx -> {
            if (agentRoutes.sessionOf(ctx, true).isEmpty()) {
                return;
            }
            ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(metrics.scrape());
        });
        agentRoutes.mount(router);
        router.post("/api/v1/admin/:name/:verb").handler(this::admin);
        router.post("/api/v1/admin/:name").handler(this::admin);
        new ReportRoutes(vertx, agentRoutes, historicalReports, agentsOfTeam, reportZone).mount(router);
        router.get("/api/v1/reports/:name").handler(this::report);
        new TransferRoutes(agentRoutes, acd).mount(router);
        new WrapUpRoutes(agentRoutes, acd).mount(router);
        new QueueRoutes(agentRoutes, acd).mount(router);
        SupervisorRoutes supervisors = new SupervisorRoutes(agentRoutes, acd, () -> supervision);
        supervisors.mount(router);
        new RosterRoutes(agentRoutes, acd, supervisors).mount(router);
        new CustomerRoutes(vertx, agentRoutes, () -> customers).mount(router);
        new CampaignDeskRoutes(agentRoutes, () -> campaignDesk, campaignBoard).mount(router);
        new CampaignRoutes(campaignCalls).mount(router);
        new CampaignLogRoutes(campaignCalls).mount(router);
        dnc.mount(router);
        new DeskRoutes(vertx, agentRoutes, acd, () -> customers).mount(router);
        new CallbackRoutes(vertx, agentRoutes, acd, () -> customers).mount(router);
        new OpenApiRoutes(agentRoutes).mount(router);
        router.route("/api/*").handler(ctx -> ApiError.send(ctx, 404, "path", "no such endpoint: " + ctx.request().path()));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));

        HttpServerOptions options = new HttpServerOptions()
            .setHost(settings.host()).setPort(settings.port())
            .setMaxWebSocketFrameSize(settings.maxFrameBytes())
            .setMaxWebSocketMessageSize(settings.maxFrameBytes())
            .setRegisterWebSocketWriteHandlers(false)
            // No upgrade of a plain connection to HTTP/2: browsers never ask, Vert.x advises against it, and a loaded node
            // answered Java's HttpClient (which asks by default) a /metrics scrape it could not read. HTTP/1.1 for all.
            .setHttp2ClearTextEnabled(false);
        server = vertx.createHttpServer(options)
            .webSocketHandler(this::onWebSocket)
            .requestHandler(router);
        return server.listen();
    }

    /** What rings supervisors' own phones into agents' calls (listen, whisper, barge); without it those answer 503. */
    public void setSupervision(SupervisorActions supervision) {
        this.supervision = supervision;
    }

    /**
     * What the campaign API works on (campaigns, their states and lead lists, the do-not-call lists, the attempt and
     * refusal logs, the dialer's hook, who works what); without it /api/v1/campaigns... and /api/v1/dnc... answer 503.
     */
    public void setCampaigns(CampaignApi api) {
        this.campaigns = api;
    }

    /** The campaign runners' side set by {@link #setCampaignDesk}, else {@link CampaignDesk#NONE}. */
    public CampaignDesk campaignDesk() {
        return campaignDesk;
    }

    /**
     * The running campaigns behind an agent's preview decisions and dispositions ({@code /api/v1/agent/campaign/...}) and
     * the figures supervisors see ({@code GET /api/v1/campaigns/figures} and the {@code campaigns} frames). Until set,
     * {@link CampaignDesk#NONE}: those answer 409 and there are no figures. May be set before or after {@link #start()}.
     */
    public void setCampaignDesk(CampaignDesk desk) {
        this.campaignDesk = java.util.Objects.requireNonNull(desk, "desk");
    }

    /**
     * The customer store behind /api/v1/customers (without it those answer 503), the centre's number format for
     * searches and contact changes, and the clock changes are audited with.
     */
    public void setCustomers(CustomerRecords records, PhoneNumbers numbers, Clock clock) {
        this.customers = new CustomerRoutes.Backend(records, numbers, clock);
    }

    /**
     * The historical reports (queues, agents, fcr, satisfaction-history under /api/v1/reports/) from the database;
     * without them those answer 503. {@code agentsOfTeam} gives a team's agent ids: a supervisor sees only those.
     * Set before {@link #start()}.
     */
    public void setReports(Reports reports, Function<String, Set<String>> agentsOfTeam) {
        this.historicalReports = reports;
        this.agentsOfTeam = agentsOfTeam;
    }

    /** The zone the historical reports bin in when a request names none: the centre's. Set before {@link #start()}. */
    public void setReportZone(ZoneId zone) {
        this.reportZone = zone;
    }

    /**
     * A read-only report for supervisors and admins at {@code GET /api/v1/reports/<name>} (e.g. IVR containment).
     * It must not block. Mount before {@link #start()}.
     */
    public void addReport(String name, Supplier<Map<String, Object>> report) {
        reports.put(name, report);
    }

    private void report(RoutingContext ctx) {
        if (agentRoutes.sessionOf(ctx, true).isEmpty()) {
            return;
        }
        Supplier<Map<String, Object>> report = reports.get(ctx.pathParam("name"));
        if (report == null) {
            ApiError.send(ctx, 404, "path", "no such report: " + ctx.request().path());
            return;
        }
        ctx.json(new JsonObject(report.get()));
    }

    /**
     * An operation for administrators only, at {@code POST /api/v1/admin/<name>} (e.g. reloading the IVR menu trees).
     * It may block (read files): it runs on a worker, never on the event loop. Mount before {@link #start()}.
     */
    public void addAdminAction(String name, Supplier<AdminOutcome> action) {
        adminActions.put(name, action);
    }

    private void admin(RoutingContext ctx) {
        Optional<Session> session = agentRoutes.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        if (session.get().user().role() != Role.ADMIN) {
            ApiError.send(ctx, 403, "Authorization", "administrators only");
            return;
        }
        Supplier<AdminOutcome> action = adminActions.get(ctx.pathParam("name") + (ctx.pathParam("verb") == null ? ""
            : "/" + ctx.pathParam("verb")));
        if (action == null) {
            ApiError.send(ctx, 404, "path", "no such admin action: " + ctx.request().path());
            return;
        }
        vertx.<AdminOutcome>executeBlocking(action::get, false).onComplete(ar -> {
            if (ar.failed()) {
                ApiError.send(ctx, 500, "$", "admin action failed: " + ar.cause().getMessage());
                return;
            }
            ctx.response().setStatusCode(ar.result().status()).putHeader("Content-Type", "application/json")
                .end(new JsonObject(ar.result().body()).encode());
        });
    }

    /**
     * A part whose state decides whether this node can serve (e.g. the AMI link). /health answers 503 while
     * any check is down, so a load balancer or an orchestrator can route around the node.
     */
    public void addHealthCheck(String name, BooleanSupplier up) {
        healthChecks.put(name, up);
    }

    private void health(RoutingContext ctx) {
        JsonObject checks = new JsonObject();
        boolean allUp = true;
        for (Map.Entry<String, BooleanSupplier> check : healthChecks.entrySet()) {
            boolean up = check.getValue().getAsBoolean();
            checks.put(check.getKey(), up ? "UP" : "DOWN");
            allUp &= up;
        }
        ctx.response().setStatusCode(allUp ? 200 : 503).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("status", allUp ? "UP" : "DOWN").put("checks", checks).encode());
    }

    private void onWebSocket(ServerWebSocket ws) {
        if (!EVENTS_PATH.equals(ws.path())) {
            ws.reject(404);
            return;
        }
        String origin = ws.headers().get("Origin");
        if (origin != null && !originAllowed(origin)) {
            ws.reject(403);
            return;
        }
        hub.accept(ws);
    }

    private boolean originAllowed(String origin) {
        if (settings.allowedOrigins().contains(origin)) {
            return true;
        }
        // The pages this server serves itself are always allowed.
        int port = server == null ? settings.port() : server.actualPort();
        return origin.equals("http://localhost:" + port) || origin.equals("http://127.0.0.1:" + port);
    }

    /**
     * What is mounted under /api/v1, as {@code "METHOD /path/{param}"} (the events WebSocket as its upgrade GET),
     * for the test that keeps the OpenAPI document true to the code. Call after {@link #start()}.
     */
    List<String> apiRoutes() {
        List<String> out = new ArrayList<>();
        out.add("GET " + EVENTS_PATH);
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || !path.startsWith("/api/v1/") || route.methods() == null) {
                continue;
            }
            String documented = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            route.methods().forEach(m -> out.add(m.name() + " " + documented));
        }
        return out;
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}

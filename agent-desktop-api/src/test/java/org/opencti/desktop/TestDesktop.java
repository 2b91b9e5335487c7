package org.opencti.desktop;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opencti.acd.AcdPorts;
import org.opencti.acd.AcdService;
import org.opencti.acd.AcdSettings;
import org.opencti.acd.AcdSetup;
import org.opencti.acd.AgentProfile;
import org.opencti.acd.DeskSettings;
import org.opencti.acd.QueueSetup;
import org.opencti.acd.SkillRequirement;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.http.DesktopServer;
import org.opencti.desktop.ws.DesktopHub;

/**
 * A desktop server on a free port with in-memory parts, as in {@link DesktopServerTest}: agents 2001 and 2002,
 * supervisor 3001, admin 4001, all with password "demo". REST calls use one connection per request.
 */
public final class TestDesktop implements AutoCloseable {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "demo".toCharArray());

    /** A REST answer; a body that is not a JSON object is under "raw". */
    public record Reply(int status, JsonObject body) { }

    private final Vertx vertx;
    private final StateOwner owner;
    private final DesktopServer server;
    private final HttpClient http;
    private final InMemoryCustomerDirectory customers;
    private final AcdService acd;

    public TestDesktop(Vertx vertx, int maxFrameBytes) throws Exception {
        this(vertx, maxFrameBytes, server -> { });
    }

    /** {@code beforeStart} mounts what must be mounted before the server starts (e.g. the historical reports). */
    public TestDesktop(Vertx vertx, int maxFrameBytes, Consumer<DesktopServer> beforeStart) throws Exception {
        this(vertx, maxFrameBytes, beforeStart, DeskSettings.DEFAULT);
    }

    /** With the agent desk's settings (desk extensions, manual dialing, callbacks). Supervisor 3002 is of team green. */
    public TestDesktop(Vertx vertx, int maxFrameBytes, Consumer<DesktopServer> beforeStart, DeskSettings desk) throws Exception {
        this.vertx = vertx;
        owner = new StateOwner("acd-test");
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5)),
            new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("billing", 5)));
        List<QueueSetup> queues = List.of(QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)),
            Duration.ofSeconds(5), Duration.ofSeconds(15)));
        customers = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        ScreenPopService pops = new ScreenPopService(customers, new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(100));
        AuthService auth = new AuthService(List.of(new User("2001", "Ann", "blue", Role.AGENT, HASH),
            new User("2002", "Bob", "blue", Role.AGENT, HASH), new User("3001", "Sue", "blue", Role.SUPERVISOR, HASH),
            new User("3002", "Gus", "green", Role.SUPERVISOR, HASH),
            new User("4001", "Ada", "blue", Role.ADMIN, HASH)), Clock.systemUTC(), Duration.ofHours(8));
        DesktopHub[] hub = new DesktopHub[1];
        AcdPorts ports = new AcdPorts(null, pops, e -> hub[0].notify(e), new InMemoryAgentStateStore(),
            new InMemoryInteractionLog(), Runnable::run);
        AcdSetup simple = AcdSetup.simple(AcdSettings.standard("billing"), queues, agents);
        AcdSetup setup = new AcdSetup(simple.settings(), queues, simple.fairness(), agents, simple.serviceLevels(),
            simple.statisticsWindow(), simple.randomSeed(), simple.callSkills(), desk);
        acd = new AcdService(setup, ports, owner,
            new ExecutorScheduler(Clock.systemUTC(), owner.executor()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        hub[0] = new DesktopHub(vertx, auth, acd);
        server = new DesktopServer(vertx, new DesktopServer.Settings("127.0.0.1", 0, List.of(), maxFrameBytes), auth, acd, hub[0],
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server.setCustomers(customers, new PhoneNumbers("US"), Clock.systemUTC());
        beforeStart.accept(server);
        server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setConnectTimeout(5_000));
    }

    public AcdService acd() {
        return acd;
    }

    public DesktopServer server() {
        return server;
    }

    /** The customer store behind both the screen pop and /api/v1/customers. */
    public InMemoryCustomerDirectory customers() {
        return customers;
    }

    public int port() {
        return server.port();
    }

    public Reply call(HttpMethod method, String path, String token, String body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.port()).setURI(path)
            .setIdleTimeout(15_000);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        // res.body() inside send()'s callback (on the event loop): chained from this thread it may come after a fast answer
        // on a reused connection has already ended, and then it never completes.
        return http.request(o).compose(req -> req.send(body == null ? Buffer.buffer() : Buffer.buffer(body))
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.length() == 0 || b.getByte(0) != '{'
                    ? new JsonObject().put("raw", b.toString()) : b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Signs in with password "demo" and returns the token; fails on anything but 200. */
    public String login(String user) throws Exception {
        Reply r = call(HttpMethod.POST, "/api/v1/login", null, new JsonObject().put("user", user).put("password", "demo").encode());
        if (r.status() != 200) {
            throw new AssertionError("login " + user + ": " + r);
        }
        return r.body().getString("token");
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            owner.close();
        }
    }
}

package org.opencti.desktop.supervise;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.opencti.acd.AcdPorts;
import org.opencti.acd.AcdService;
import org.opencti.acd.AcdSettings;
import org.opencti.acd.AcdSetup;
import org.opencti.acd.AgentProfile;
import org.opencti.acd.QueueSetup;
import org.opencti.acd.SkillRequirement;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.queuelog.QueueLogEntry;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.http.DesktopServer;
import org.opencti.desktop.ws.DesktopHub;
import org.opencti.desktop.ws.OpenFrames;
import org.opencti.desktop.ws.WallboardPush;

/**
 * A desktop server with two teams, over real HTTP and WebSocket: agents 2001 Ann and 2003 Cy (blue), 2002 Bob (red);
 * supervisors 3001 Sue (blue) and 3002 Raj (red); admin 9001. Queues billing and support; Ann serves billing only (she
 * has the skills for both), Bob has billing skills only. Every phone answers at once. Password "demo".
 */
final class SupervisorDesk implements AutoCloseable {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "demo".toCharArray());

    record Reply(int status, JsonObject body) { }

    final Vertx vertx = Vertx.vertx();
    final StateOwner owner = new StateOwner("acd-supervise-test");
    final AcdService acd;
    final DesktopHub hub;
    private final DesktopServer server;
    private final HttpClient http;
    private int calls;

    SupervisorDesk(Duration wallboardInterval) throws Exception {
        this(wallboardInterval, null, server -> { });
    }

    /**
     * One node of several: {@code tokenSecret} shared with the others (null: a random one), {@code beforeStart} joins the
     * cluster before the server starts.
     */
    SupervisorDesk(Duration wallboardInterval, byte[] tokenSecret, Consumer<DesktopServer> beforeStart) throws Exception {
        this(wallboardInterval, tokenSecret, beforeStart, OpenFrames.NONE);
    }

    /** ... with what stays open for an agent's page (campaign frames) on this node. */
    SupervisorDesk(Duration wallboardInterval, byte[] tokenSecret, Consumer<DesktopServer> beforeStart, OpenFrames open)
        throws Exception {
        List<AgentProfile> agents = List.of(
            new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5, "support", 5), Map.of("billing", 1), 1.0),
            new AgentProfile("2002", "Bob", "red", "Local/2002@agents", Map.of("billing", 5)),
            new AgentProfile("2003", "Cy", "blue", "Local/2003@agents", Map.of("billing", 5)));
        List<QueueSetup> queues = List.of(
            QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)), Duration.ofSeconds(30), Duration.ofSeconds(15)),
            QueueSetup.simple("support", List.of(new SkillRequirement("support", 1)), Duration.ofSeconds(30), Duration.ofSeconds(15)));
        PbxGateway pbx = mock(PbxGateway.class);
        when(pbx.originate(any())).thenAnswer(inv -> {
            OriginateRequest r = inv.getArgument(0);
            return CompletableFuture.completedFuture(new PbxEvent.OriginateCompleted(Instant.now(), r.reference(), true, 4,
                "100.9" + r.reference().hashCode(), "Local/agent@agents-0000000" + (++calls) + ";1"));
        });
        when(pbx.bridge(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()), new PhoneNumbers("US"),
            Runnable::run, Duration.ofMillis(100));
        List<User> users = List.of(new User("2001", "Ann", "blue", Role.AGENT, HASH),
            new User("2002", "Bob", "red", Role.AGENT, HASH), new User("2003", "Cy", "blue", Role.AGENT, HASH),
            new User("3001", "Sue", "blue", Role.SUPERVISOR, HASH), new User("3002", "Raj", "red", Role.SUPERVISOR, HASH),
            new User("9001", "Ada", null, Role.ADMIN, HASH));
        AuthService auth = tokenSecret == null ? new AuthService(users, Clock.systemUTC(), Duration.ofHours(8))
            : new AuthService(users, Clock.systemUTC(), Duration.ofHours(8), tokenSecret);
        DesktopHub[] late = new DesktopHub[1];
        // As the server wires it: queue moments reach the wallboards through the queue_log the ACD writes.
        QueueLog queueLog = WallboardPush.signalling(new QueueLog() {
            @Override
            public void append(QueueLogEntry entry) {
                // not stored in this test
            }

            @Override
            public void close() {
                // nothing held
            }
        }, () -> late[0].wallboard().changed());
        AcdPorts ports = new AcdPorts(pbx, pops, e -> late[0].notify(e), new InMemoryAgentStateStore(),
            new InMemoryInteractionLog(), Runnable::run,
            queueLog);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, owner,
            new ExecutorScheduler(Clock.systemUTC(), owner.executor()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        hub = new DesktopHub(vertx, auth, acd, wallboardInterval, open);
        late[0] = hub;
        server = new DesktopServer(vertx, new DesktopServer.Settings("127.0.0.1", 0, List.of(), 64 * 1024), auth, acd, hub,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        beforeStart.accept(server);
        server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setConnectTimeout(5_000));
    }

    DesktopServer server() {
        return server;
    }

    Reply call(HttpMethod method, String path, String token, String body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.port()).setURI(path)
            .setIdleTimeout(15_000);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        // res.body() inside send()'s callback: see TestDesktop.call
        return http.request(o).compose(req -> req.send(body == null ? Buffer.buffer() : Buffer.buffer(body))
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.length() == 0 ? new JsonObject() : b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    String login(String user) throws Exception {
        Reply r = call(HttpMethod.POST, "/api/v1/login", null, new JsonObject().put("user", user).put("password", "demo").encode());
        if (r.status() != 200) {
            throw new AssertionError("login " + user + ": " + r);
        }
        return r.body().getString("token");
    }

    /** An authenticated events socket whose frames land in {@code inbox}. */
    WebSocket socket(String token, BlockingQueue<JsonObject> inbox) throws Exception {
        WebSocket ws = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
            .setURI("/api/v1/events")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(t -> inbox.add(new JsonObject(t).put("receivedNanos", System.nanoTime())));
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
        return ws;
    }

    AgentState state(String agent) {
        return acd.status(agent).toCompletableFuture().join().orElseThrow().state();
    }

    void awaitState(String agent, AgentState wanted) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state(agent) != wanted) {
            if (System.nanoTime() > end) {
                throw new AssertionError("agent " + agent + " did not reach " + wanted + " but is " + state(agent));
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** A caller reaches hold for {@code queue}; with a ready agent there the call connects at once. */
    void callerFor(String queue, String uniqueId) {
        ChannelRef caller = new ChannelRef(uniqueId, "Local/5551006@cti-hold-" + uniqueId + ";2", uniqueId);
        acd.onPbxEvent(new PbxEvent.ChannelCreated(Instant.now(), caller, null, null, "cti-hold", "5551006"));
        acd.onPbxEvent(new PbxEvent.VariableSet(Instant.now(), caller, "CTI_QUEUE", queue));
        acd.onPbxEvent(new PbxEvent.DialplanStep(Instant.now(), caller, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
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

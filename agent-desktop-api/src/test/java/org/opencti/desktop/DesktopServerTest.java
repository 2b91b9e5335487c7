package org.opencti.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.http.DesktopServer;
import org.opencti.desktop.ws.DesktopHub;

/** The desktop API over real HTTP and WebSocket connections. */
class DesktopServerTest {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "demo".toCharArray());
    private static final int MAX_FRAME = 4096;
    private Vertx vertx;
    private StateOwner owner;
    private DesktopServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        owner = new StateOwner("acd-test");
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5)),
            new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("billing", 5)));
        List<QueueSetup> queues = List.of(QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)),
            Duration.ofSeconds(5), Duration.ofSeconds(15)));
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()), new PhoneNumbers("US"),
            Runnable::run, Duration.ofMillis(100));
        AuthService auth = new AuthService(List.of(new User("2001", "Ann", "blue", Role.AGENT, HASH),
            new User("2002", "Bob", "blue", Role.AGENT, HASH), new User("3001", "Sue", "blue", Role.SUPERVISOR, HASH)),
            Clock.systemUTC(), Duration.ofHours(8));
        DesktopHub[] hub = new DesktopHub[1];
        AcdPorts ports = new AcdPorts(null, pops, e -> hub[0].notify(e), new InMemoryAgentStateStore(),
            new InMemoryInteractionLog(), Runnable::run);
        AcdService acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, owner,
            new ExecutorScheduler(Clock.systemUTC(), owner.executor()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        hub[0] = new DesktopHub(vertx, auth, acd);
        server = new DesktopServer(vertx, new DesktopServer.Settings("127.0.0.1", 0, List.of(), MAX_FRAME), auth, acd, hub[0],
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // Pooled keep-alive connections, as a browser uses them.
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        owner.close();
    }

    private record Reply(int status, JsonObject body) { }

    private Reply call(HttpMethod method, String path, String token, String body) throws Exception {
        // An idle timeout turns a hung exchange into a failure that names the request, instead of a bare Timeout.
        RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.port()).setURI(path)
            .setIdleTimeout(15_000);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        // res.body() is asked for inside send()'s callback, which runs on the event loop as the response head arrives. Chained
        // after it from this (test) thread instead, it can come after the response has already ended on a reused connection,
        // and then that body future never completes.
        return http.request(o).compose(req -> req.send(body == null ? Buffer.buffer() : Buffer.buffer(body))
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.length() == 0 || b.getByte(0) != '{'
                    ? new JsonObject().put("raw", b.toString()) : b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String login(String user) throws Exception {
        Reply r = call(HttpMethod.POST, "/api/v1/login", null, new JsonObject().put("user", user).put("password", "demo").encode());
        assertThat(r.status()).isEqualTo(200);
        return r.body().getString("token");
    }

    private WebSocket socket(BlockingQueue<JsonObject> inbox, String origin) throws Exception {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
            .setURI("/api/v1/events");
        if (origin != null) {
            o.addHeader("Origin", origin);
        }
        WebSocket ws = vertx.createWebSocketClient().connect(o).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(t -> inbox.add(new JsonObject(t)));
        ws.closeHandler(v -> inbox.add(new JsonObject().put("type", "closed").put("code", ws.closeStatusCode())
            .put("reason", ws.closeReason())));
        return ws;
    }

    private static JsonObject next(BlockingQueue<JsonObject> inbox) throws InterruptedException {
        JsonObject m = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a frame within 10 s").isNotNull();
        return m;
    }

    @Test
    void noEndpointAnswersWithoutAToken() throws Exception {
        for (String path : List.of("/api/v1/agent/state", "/metrics", "/api/v1/queues", "/api/v1/reports/ivr-containment")) {
            Reply r = call(HttpMethod.GET, path, null, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
        assertThat(call(HttpMethod.POST, "/api/v1/agent/ready", "forged-token", null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/api/v1/admin/ivr/reload", null, null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/api/v1/admin/ivr/reload", login("3001"), null).status()).as("supervisors are not admins")
            .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void queueStatisticsAreForSupervisorsOnly() throws Exception {
        assertThat(call(HttpMethod.GET, "/api/v1/queues", login("2001"), null).status()).isEqualTo(403);
        Reply r = call(HttpMethod.GET, "/api/v1/queues", login("3001"), null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject billing = r.body().getJsonArray("queues").getJsonObject(0);
        assertThat(billing.getString("queue")).isEqualTo("billing");
        assertThat(billing.getInteger("callsWaiting")).isZero();
        assertThat(billing.getJsonObject("today").getInteger("offered")).isZero();
    }

    @Test
    void wrapUpRequestsAreValidatedAndRefusedOutsideWrapUp() throws Exception {
        String ann = login("2001");
        Reply bad = call(HttpMethod.POST, "/api/v1/agent/wrap-up/extend", ann, "{\"seconds\":\"lots\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getString("field")).isEqualTo("seconds");
        Reply notInWrapUp = call(HttpMethod.POST, "/api/v1/agent/wrap-up/extend", ann, "{\"seconds\":30}");
        assertThat(notInWrapUp.status()).isEqualTo(409);
        assertThat(notInWrapUp.body().getString("error")).contains("not in wrap-up");
        assertThat(call(HttpMethod.POST, "/api/v1/agent/wrap-up/finish", ann, null).status()).isEqualTo(409);
        Reply hold = call(HttpMethod.POST, "/api/v1/agent/hold", ann, null);
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.body().getString("error")).contains("no connected call");
        assertThat(call(HttpMethod.POST, "/api/v1/agent/resume", login("3001"), null).status()).as("supervisors have no calls")
            .isEqualTo(403);
    }

    @Test
    void healthSaysDownWhileAPartTheNodeNeedsIsDown() throws Exception {
        AtomicBoolean amiUp = new AtomicBoolean(false);
        server.addHealthCheck("asterisk-ami", amiUp::get);
        Reply down = call(HttpMethod.GET, "/health", null, null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body().getJsonObject("checks").getString("asterisk-ami")).isEqualTo("DOWN");
        amiUp.set(true);
        Reply up = call(HttpMethod.GET, "/health", null, null);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().getString("status")).isEqualTo("UP");
    }

    @Test
    void aClientAskingToUpgradeToCleartextHttp2IsAnsweredInHttp11() throws Exception {
        // Java's own HttpClient asks for h2c by default; a loaded node answered such a /metrics scrape with a stream the
        // client could not read (HTTP/1.1 bytes taken for HTTP/2 frames). Browsers never ask: no upgrade is offered.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"UP\"");
    }

    @Test
    void badLoginsAreRefusedClearlyAndThrottled() throws Exception {
        Reply wrong = call(HttpMethod.POST, "/api/v1/login", null, "{\"user\":\"2001\",\"password\":\"nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().getString("error")).isEqualTo("wrong user or password");
        assertThat(call(HttpMethod.POST, "/api/v1/login", null, "{\"user\":\"9999\",\"password\":\"demo\"}").status()).isEqualTo(401);
        Reply garbage = call(HttpMethod.POST, "/api/v1/login", null, "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().getString("field")).isEqualTo("$");
        Reply missing = call(HttpMethod.POST, "/api/v1/login", null, "{\"user\":\"2001\"}");
        assertThat(missing.body().getString("field")).isEqualTo("password");
        for (int i = 0; i < 4; i++) {
            call(HttpMethod.POST, "/api/v1/login", null, "{\"user\":\"2001\",\"password\":\"nope\"}");
        }
        Reply limited = call(HttpMethod.POST, "/api/v1/login", null, "{\"user\":\"2001\",\"password\":\"demo\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(login("2002")).isNotBlank();
    }

    @Test
    void anAgentSeesAndChangesOnlyTheirOwnStateOverTheWebSocket() throws Exception {
        String ann = login("2001");
        String bob = login("2002");
        BlockingQueue<JsonObject> annInbox = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> bobInbox = new LinkedBlockingQueue<>();
        WebSocket annWs = socket(annInbox, null);
        annWs.writeTextMessage(new JsonObject().put("type", "auth").put("token", ann).encode());
        JsonObject hello = next(annInbox);
        assertThat(hello.getString("type")).isEqualTo("hello");
        assertThat(hello.getString("state")).isEqualTo("NOT_READY");
        WebSocket bobWs = socket(bobInbox, null);
        bobWs.writeTextMessage(new JsonObject().put("type", "auth").put("token", bob).encode());
        assertThat(next(bobInbox).getString("userId")).isEqualTo("2002");

        annWs.writeTextMessage("{\"type\":\"ready\"}");
        JsonObject state = next(annInbox);
        assertThat(state.getString("type")).isEqualTo("agentState");
        assertThat(state.getString("state")).isEqualTo("READY");
        assertThat(call(HttpMethod.GET, "/api/v1/agent/state", ann, null).body().getString("state")).isEqualTo("READY");
        assertThat(call(HttpMethod.GET, "/api/v1/agent/state", bob, null).body().getString("state")).isEqualTo("NOT_READY");
        bobWs.writeTextMessage("{\"type\":\"ping\"}");
        assertThat(next(bobInbox).getString("type")).as("Bob got nothing of Ann's").isEqualTo("pong");
    }

    @Test
    void malformedFramesGetAnErrorNamingTheFieldAndTheConnectionStaysUsable() throws Exception {
        String ann = login("2001");
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = socket(inbox, null);
        ws.writeTextMessage("{\"type\":\"ready\"}");
        assertThat(next(inbox).getString("error")).contains("authenticate first");
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", ann).encode());
        assertThat(next(inbox).getString("type")).isEqualTo("hello");

        Map<String, String> cases = Map.of(
            "{oops", "$",
            "[1,2]", "$",
            "{\"type\":42}", "type",
            "{\"type\":\"explode\"}", "type",
            "{\"type\":\"notReady\",\"reason\":7}", "reason",
            "{\"type\":\"ping\",\"extra\":1}", "extra");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ws.writeTextMessage(c.getKey());
            JsonObject err = next(inbox);
            assertThat(err.getString("type")).as(c.getKey()).isEqualTo("error");
            assertThat(err.getString("field")).as(c.getKey()).isEqualTo(c.getValue());
        }
        ws.writeTextMessage("{\"type\":\"ping\"}");
        assertThat(next(inbox).getString("type")).isEqualTo("pong");
        assertThat(call(HttpMethod.GET, "/api/v1/agent/state", ann, null).body().getString("state")).isEqualTo("NOT_READY");
    }

    @Test
    void oversizedFramesAndFloodsAreCutOff() throws Exception {
        String ann = login("2001");
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = socket(inbox, null);
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", ann).encode());
        next(inbox);
        ws.writeTextMessage("{\"type\":\"ping\",\"reason\":\"" + "x".repeat(MAX_FRAME * 2) + "\"}");
        JsonObject closed = next(inbox);
        assertThat(closed.getString("type")).isEqualTo("closed");
        // Netty's decoder drops the connection (code 1009, or no close frame at all): either way it is cut off.
        assertThat(closed.getInteger("code")).isIn(null, 1009, 1002);

        BlockingQueue<JsonObject> flood = new LinkedBlockingQueue<>();
        WebSocket ws2 = socket(flood, null);
        ws2.writeTextMessage(new JsonObject().put("type", "auth").put("token", ann).encode());
        next(flood);
        for (int i = 0; i < 100; i++) {
            ws2.writeTextMessage("{\"type\":\"ping\"}");
        }
        JsonObject m;
        do {
            m = next(flood);
        } while (!m.getString("type").equals("closed"));
        assertThat(m.getInteger("code")).isEqualTo(1008);
        assertThat(call(HttpMethod.GET, "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void webSocketsFromForeignOriginsAndUnknownTokensAreRefused() throws Exception {
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> socket(inbox, "https://evil.example")))
            .hasMessageContaining("403");
        WebSocket ws = socket(inbox, "http://127.0.0.1:" + server.port());
        ws.writeTextMessage("{\"type\":\"auth\",\"token\":\"made-up\"}");
        JsonObject err = next(inbox);
        assertThat(err.getString("field")).isEqualTo("token");
    }
}

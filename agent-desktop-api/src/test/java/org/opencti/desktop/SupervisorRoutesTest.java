package org.opencti.desktop;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.opencti.acd.SupervisorActions;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.http.DesktopServer;
import org.opencti.desktop.ws.DesktopHub;

/** Supervisor actions on agents over real HTTP: who may listen, whisper, barge, force not ready and log out whom. */
class SupervisorRoutesTest {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "demo".toCharArray());
    private static final String LEG = "Local/2001@agents-00000001;1";
    private static final List<String> ACTIONS = List.of("listen", "whisper", "barge", "not-ready", "logout");

    private final PhoneSwitch pbx = new PhoneSwitch();
    private Vertx vertx;
    private StateOwner owner;
    private AcdService acd;
    private DesktopServer server;
    private HttpClient http;

    /** A PBX whose phones all answer at once; it remembers the spies it was asked for. */
    private static final class PhoneSwitch implements PbxGateway {
        final List<SpyRequest> spies = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
            return CompletableFuture.completedFuture(new PbxEvent.OriginateCompleted(Instant.now(), request.reference(), true, 4,
                "100.2", LEG));
        }

        @Override
        public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
            spies.add(request);
            return CompletableFuture.completedFuture(new PbxEvent.OriginateCompleted(Instant.now(), request.reference(), true, 4,
                "200." + spies.size(), "Local/3001@agents-0000000" + spies.size() + ";1"));
        }

        @Override
        public void addListener(PbxEventListener listener) {
            // the test feeds the ACD itself
        }

        @Override
        public void start() {
            // nothing to connect
        }

        @Override
        public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel,
                                                  String extraContext, String extraExten) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> bridge(String channel1, String channel2) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> hangup(String channel) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> setVariable(String channel, String name, String value) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<LiveChannel>> liveChannels() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<PhoneState> phoneState(String phone) {
            return CompletableFuture.completedFuture(PhoneState.AVAILABLE);
        }

        @Override
        public void close() {
            // nothing to close
        }
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        owner = new StateOwner("acd-supervisor-test");
        List<AgentProfile> agents = List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5)),
            new AgentProfile("2002", "Bob", "red", "Local/2002@agents", Map.of("billing", 5)));
        List<QueueSetup> queues = List.of(QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)),
            Duration.ofSeconds(5), Duration.ofSeconds(15)));
        ScreenPopService pops = new ScreenPopService(new InMemoryCustomerDirectory(new InMemoryInteractionLog()), new PhoneNumbers("US"),
            Runnable::run, Duration.ofMillis(100));
        AuthService auth = new AuthService(List.of(new User("2001", "Ann", "blue", Role.AGENT, HASH),
            new User("2002", "Bob", "red", Role.AGENT, HASH), new User("3001", "Sue", "blue", Role.SUPERVISOR, HASH),
            new User("9001", "Ada", null, Role.ADMIN, HASH)), Clock.systemUTC(), Duration.ofHours(8));
        DesktopHub[] hub = new DesktopHub[1];
        AcdPorts ports = new AcdPorts(pbx, pops, e -> hub[0].notify(e), new InMemoryAgentStateStore(),
            new InMemoryInteractionLog(), Runnable::run);
        acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, owner,
            new ExecutorScheduler(Clock.systemUTC(), owner.executor()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        hub[0] = new DesktopHub(vertx, auth, acd);
        server = new DesktopServer(vertx, new DesktopServer.Settings("127.0.0.1", 0, List.of(), 4096), auth, acd, hub[0],
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server.setSupervision(new SupervisorActions(acd, pbx, Map.of("3001", "Local/3001@agents", "9001", "Local/9001@agents")));
        server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setConnectTimeout(5_000));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        owner.close();
    }

    private record Reply(int status, JsonObject body) { }

    private Reply post(String path, String token, String body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(server.port()).setURI(path)
            .setIdleTimeout(15_000);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        // res.body() inside send()'s callback: see TestDesktop.request
        return http.request(o).compose(req -> req.send(body == null ? Buffer.buffer() : Buffer.buffer(body))
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.length() == 0 ? new JsonObject() : b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String login(String user) throws Exception {
        Reply r = post("/api/v1/login", null, new JsonObject().put("user", user).put("password", "demo").encode());
        assertThat(r.status()).isEqualTo(200);
        return r.body().getString("token");
    }

    private AgentState state(String agent) {
        return acd.status(agent).toCompletableFuture().join().orElseThrow().state();
    }

    private void awaitState(String agent, AgentState wanted) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state(agent) != wanted) {
            assertThat(System.nanoTime() - end).as("agent %s reaches %s", agent, wanted).isNegative();
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** Agent 2001 signs in (which logs them in), goes ready, and a caller in billing reaches them. */
    private void annOnCall() throws Exception {
        login("2001");
        acd.ready("2001").toCompletableFuture().join();
        ChannelRef caller = new ChannelRef("100.1", "Local/5551006@cti-hold-00000000;2", "100.0");
        acd.onPbxEvent(new PbxEvent.ChannelCreated(Instant.now(), caller, null, null, "cti-hold", "5551006"));
        acd.onPbxEvent(new PbxEvent.CallerIdChanged(Instant.now(), caller, "+15551230006", "Cy Dee"));
        acd.onPbxEvent(new PbxEvent.DialplanStep(Instant.now(), caller, "cti-hold", "s", 1, "NoOp", "+15551230006", "Cy Dee"));
        awaitState("2001", AgentState.ON_CALL);
    }

    @Test
    void withoutATokenEveryActionIs401() throws Exception {
        for (String action : ACTIONS) {
            Reply r = post("/api/v1/agents/2001/" + action, null, null);
            assertThat(r.status()).as(action).isEqualTo(401);
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
        assertThat(post("/api/v1/agents/2001/listen", "forged", null).status()).isEqualTo(401);
    }

    @Test
    void anAgentMayNotActOnAnotherAgentNorOnThemselves() throws Exception {
        String ann = login("2001");
        for (String action : ACTIONS) {
            Reply r = post("/api/v1/agents/2002/" + action, ann, null);
            assertThat(r.status()).as(action).isEqualTo(403);
            assertThat(r.body().getString("error")).isEqualTo("supervisors and admins only");
        }
        assertThat(post("/api/v1/agents/2001/logout", ann, null).status()).isEqualTo(403);
        assertThat(state("2001")).isEqualTo(AgentState.NOT_READY);
        assertThat(pbx.spies).isEmpty();
    }

    @Test
    void aSupervisorCannotSpyOnOrForceAnAgentOfAnotherTeam() throws Exception {
        login("2002");
        String sue = login("3001");
        for (String action : ACTIONS) {
            Reply r = post("/api/v1/agents/2002/" + action, sue, new JsonObject().put("reason", "break").encode());
            assertThat(r.status()).as(action).isEqualTo(403);
            assertThat(r.body().getString("error")).isEqualTo("agent 2002 is not in your team");
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
        assertThat(state("2002")).as("Bob of team red is untouched").isEqualTo(AgentState.NOT_READY);
        assertThat(pbx.spies).isEmpty();
    }

    @Test
    void anUnknownAgentIs404() throws Exception {
        String sue = login("3001");
        for (String action : ACTIONS) {
            Reply r = post("/api/v1/agents/7777/" + action, sue, null);
            assertThat(r.status()).as(action).isEqualTo(404);
            assertThat(r.body().getString("error")).isEqualTo("unknown agent \"7777\"");
            assertThat(r.body().getString("field")).isEqualTo("agentId");
        }
    }

    @Test
    void spyingOnAnAgentWhoIsNotOnACallIs409WithTheReason() throws Exception {
        login("2001");
        Reply r = post("/api/v1/agents/2001/listen", login("3001"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().getString("error")).isEqualTo("agent 2001 is not on a call (not ready)");
        assertThat(pbx.spies).isEmpty();
    }

    @Test
    void theTeamsSupervisorListensWhispersAndBargesFromTheirOwnPhone() throws Exception {
        annOnCall();
        String sue = login("3001");

        Reply listen = post("/api/v1/agents/2001/listen", sue, null);
        assertThat(listen.status()).isEqualTo(200);
        assertThat(listen.body().getString("mode")).isEqualTo("LISTEN");
        assertThat(listen.body().getString("agentLegChannel")).isEqualTo(LEG);
        assertThat(listen.body().getString("supervisorChannel")).isEqualTo("Local/3001@agents-00000001;1");
        assertThat(post("/api/v1/agents/2001/whisper", sue, null).body().getString("mode")).isEqualTo("WHISPER");
        assertThat(post("/api/v1/agents/2001/barge", sue, null).body().getString("mode")).isEqualTo("BARGE");

        assertThat(pbx.spies).extracting(SpyRequest::data).containsExactly(LEG + ",qE", LEG + ",qEw", LEG + ",qEB");
        assertThat(pbx.spies).allSatisfy(s -> {
            assertThat(s.supervisorDialString()).isEqualTo("Local/3001@agents");
            assertThat(s.callerId()).isEqualTo("\"Sue\" <3001>");
        });
        Reply logout = post("/api/v1/agents/2001/logout", sue, null);
        assertThat(logout.status()).as("not during a call").isEqualTo(409);
        assertThat(logout.body().getString("error")).contains("cannot log out while on call");
    }

    @Test
    void theTeamsSupervisorForcesNotReadyAndLogoutAndAnAdminActsOnAnyTeam() throws Exception {
        login("2001");
        login("2002");
        acd.ready("2001").toCompletableFuture().join();
        String sue = login("3001");

        Reply bad = post("/api/v1/agents/2001/not-ready", sue, new JsonObject().put("reason", 42).encode());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getString("field")).isEqualTo("reason");
        assertThat(post("/api/v1/agents/2001/not-ready", sue, "{not json").status()).isEqualTo(400);

        Reply notReady = post("/api/v1/agents/2001/not-ready", sue, new JsonObject().put("reason", "coaching").encode());
        assertThat(notReady.status()).isEqualTo(200);
        assertThat(notReady.body().getString("state")).isEqualTo("NOT_READY");
        assertThat(notReady.body().getString("reason")).isEqualTo("coaching");
        assertThat(post("/api/v1/agents/2001/not-ready", sue, null).body().getString("reason")).isEqualTo("set by supervisor");
        assertThat(post("/api/v1/agents/2001/logout", sue, null).body().getString("state")).isEqualTo("LOGGED_OUT");
        assertThat(state("2001")).isEqualTo(AgentState.LOGGED_OUT);

        String ada = login("9001");
        assertThat(post("/api/v1/agents/2002/not-ready", ada, new JsonObject().put("reason", "meeting").encode()).status())
            .isEqualTo(200);
        assertThat(post("/api/v1/agents/2002/logout", ada, null).status()).isEqualTo(200);
        assertThat(state("2002")).isEqualTo(AgentState.LOGGED_OUT);
    }
}

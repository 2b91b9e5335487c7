package org.opencti.desktop.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryDesktopRelay;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.ws.OpenFrames;

/**
 * Two nodes in one JVM sharing a token secret and a relay: the holder (its ACD decides) and a standby pointed at the
 * holder's port. Desktops connected to the standby work as if connected to the holder.
 */
class AnyNodeTest {
    private static final byte[] SECRET = "the floor's shared token secret, 32+ bytes".getBytes(StandardCharsets.UTF_8);
    private static final Duration FORWARD_TIMEOUT = Duration.ofMillis(1500);

    private final AtomicReference<String> holderAt = new AtomicReference<>();
    private SupervisorDesk holder;
    private SupervisorDesk standby;

    @BeforeEach
    void start() throws Exception {
        InMemoryDesktopRelay.Bus bus = new InMemoryDesktopRelay.Bus();
        // the holder keeps an open campaign preview for Ann (the campaigns run there)
        OpenFrames open = agent -> agent.equals("2001") ? List.of(new DesktopEvent.CampaignPreview("2001", Instant.now(), 7,
            "Renewals", new CampaignLead(41, "+15551230041", "Lee", "Park", null), null, "Hello, ...", Instant.now().plusSeconds(60)))
            : List.of();
        holder = new SupervisorDesk(Duration.ofMillis(200), SECRET, s -> s.joinCluster(FloorAccess.ALONE, bus.relay()), open);
        holderAt.set("http://127.0.0.1:" + holder.server().port());
        FloorAccess follower = new FloorAccess() {
            @Override
            public boolean holdsFloor() {
                return false;
            }

            @Override
            public Optional<String> holderAddress() {
                return Optional.ofNullable(holderAt.get());
            }
        };
        standby = new SupervisorDesk(Duration.ofMillis(200), SECRET, s -> s.joinCluster(follower, bus.relay(), FORWARD_TIMEOUT));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            standby.close();
        } finally {
            holder.close();
        }
    }

    /** Frames up to and including the first that satisfies {@code wanted}; fails after 10 s. */
    private static List<JsonObject> until(BlockingQueue<JsonObject> inbox, Predicate<JsonObject> wanted) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonObject f = inbox.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (f == null) {
                break;
            }
            seen.add(f);
            if (wanted.test(f)) {
                return seen;
            }
        }
        throw new AssertionError("no such frame; saw " + seen);
    }

    private static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type"));
    }

    private static long count(List<JsonObject> frames, String type) {
        return frames.stream().filter(type(type)).count();
    }

    private static List<String> agentIds(JsonObject wallboard) {
        return wallboard.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("agentId")).toList();
    }

    @Test
    void anAgentSignedInOnTheStandbyWorksOnTheHoldersAcdAndGetsItsFramesThere() throws Exception {
        String ann = standby.login("2001");
        assertThat(holder.state("2001")).as("signed in on the holder's ACD").isEqualTo(AgentState.NOT_READY);
        assertThat(standby.state("2001")).as("the standby's ACD starts nothing").isEqualTo(AgentState.LOGGED_OUT);

        BlockingQueue<JsonObject> onStandby = new LinkedBlockingQueue<>();
        WebSocket ws = standby.socket(ann, onStandby);
        JsonObject hello = until(onStandby, type("hello")).get(0);
        assertThat(hello.getString("state")).as("the holder's state in the standby's hello").isEqualTo("NOT_READY");
        JsonObject preview = until(onStandby, type("campaignPreview")).get(0);
        assertThat(preview.getJsonObject("lead").getLong("leadId")).as("the holder's open frame, relayed after the hello")
            .isEqualTo(41);

        ws.writeTextMessage(new JsonObject().put("type", "ready").encode());
        holder.awaitState("2001", AgentState.READY);
        assertThat(until(onStandby, f -> type("agentState").test(f) && "READY".equals(f.getString("state")))).isNotEmpty();

        SupervisorDesk.Reply notReady = standby.call(HttpMethod.POST, "/api/v1/agent/not-ready", ann,
            new JsonObject().put("reason", "coffee").encode());
        assertThat(notReady.status()).isEqualTo(200);
        assertThat(notReady.body().getString("reason")).isEqualTo("coffee");
        assertThat(holder.state("2001")).isEqualTo(AgentState.NOT_READY);
        assertThat(standby.call(HttpMethod.POST, "/api/v1/agent/ready", ann, null).body().getString("state")).isEqualTo("READY");

        BlockingQueue<JsonObject> onHolder = new LinkedBlockingQueue<>();
        standby.socket(ann, new LinkedBlockingQueue<>()); // a second socket on the standby changes nothing for the first
        holder.socket(ann, onHolder);
        until(onHolder, type("hello"));
        holder.callerFor("billing", "1700000001.1");
        // every frame once on each node: the relay never hands a node its own frames, and each node writes its own sockets
        for (BlockingQueue<JsonObject> inbox : List.of(onStandby, onHolder)) {
            List<JsonObject> frames = until(inbox, type("callConnected"));
            assertThat(count(frames, "callOffered")).isEqualTo(1);
            assertThat(count(frames, "screenPop")).isEqualTo(1);
            JsonObject offered = frames.stream().filter(type("callOffered")).findFirst().orElseThrow();
            assertThat(offered.getString("queue")).isEqualTo("billing");
        }
    }

    @Test
    void aSupervisorOnTheStandbyGetsTheHoldersWallboardFramesForTheirTeam() throws Exception {
        BlockingQueue<JsonObject> sue = new LinkedBlockingQueue<>();
        standby.socket(standby.login("3001"), sue);
        List<JsonObject> first = until(sue, type("wallboard"));
        assertThat(first.get(0).getString("type")).isEqualTo("hello");
        assertThat(agentIds(first.get(first.size() - 1))).containsExactly("2001", "2003");

        BlockingQueue<JsonObject> raj = new LinkedBlockingQueue<>();
        standby.socket(standby.login("3002"), raj);
        assertThat(agentIds(until(raj, type("wallboard")).get(1))).containsExactly("2002");

        holder.login("2003"); // Cy signs in on the holder: the standby's supervisor sees it
        List<JsonObject> frames = until(sue, f -> type("wallboard").test(f) && f.getJsonArray("agents").stream()
            .map(JsonObject.class::cast).anyMatch(a -> "2003".equals(a.getString("agentId")) && "NOT_READY".equals(a.getString("state"))));
        assertThat(agentIds(frames.get(frames.size() - 1))).containsExactly("2001", "2003");
    }

    @Test
    void forwardedRequestsKeepTheirAuthorisation() throws Exception {
        for (SupervisorDesk node : List.of(holder, standby)) {
            assertThat(node.call(HttpMethod.GET, "/api/v1/queues", null, null).status()).isEqualTo(401);
            assertThat(node.call(HttpMethod.POST, "/api/v1/agent/ready", "not.a-token", null).status()).isEqualTo(401);
        }
        String ann = standby.login("2001");
        SupervisorDesk.Reply forOther = standby.call(HttpMethod.POST, "/api/v1/agent/extension", ann,
            new JsonObject().put("agent", "2002").put("extension", "2101").encode());
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.body().getString("field")).isEqualTo("agent");
        assertThat(standby.call(HttpMethod.POST, "/api/v1/agents/2002/not-ready", ann, "{}").status()).as("agents never").isEqualTo(403);
        assertThat(standby.call(HttpMethod.GET, "/api/v1/queues", ann, null).status()).as("supervisors only").isEqualTo(403);
        assertThat(holder.state("2002")).isEqualTo(AgentState.LOGGED_OUT);

        String sue = standby.login("3001");
        assertThat(standby.call(HttpMethod.GET, "/api/v1/queues", sue, null).status()).isEqualTo(200);
        assertThat(standby.call(HttpMethod.POST, "/api/v1/logout", sue, null).status()).isEqualTo(204);
        assertThat(holder.call(HttpMethod.GET, "/api/v1/queues", sue, null).status()).as("revoked on the holder too").isEqualTo(401);
        assertThat(standby.call(HttpMethod.GET, "/api/v1/queues", sue, null).status()).isEqualTo(401);
    }

    @Test
    void withNoHolderKnownTheStandbyAnswers503AndASignInThereFails() throws Exception {
        String sue = standby.login("3001");
        holderAt.set(null);
        SupervisorDesk.Reply r = standby.call(HttpMethod.GET, "/api/v1/queues", sue, null);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().getString("error")).isEqualTo("no node holds the floor; try again in a few seconds");
        SupervisorDesk.Reply login = standby.call(HttpMethod.POST, "/api/v1/login", null,
            new JsonObject().put("user", "2001").put("password", "demo").encode());
        assertThat(login.status()).as("an agent the ACD cannot sign in gets no token").isEqualTo(503);
        assertThat(standby.call(HttpMethod.GET, "/api/v1/openapi.json", sue, null).status()).as("served locally").isEqualTo(200);
    }

    @Test
    void aHolderThatDoesNotAnswerIsA504WithinTheTimeout() throws Exception {
        NetServer silent = holder.vertx.createNetServer().connectHandler(socket -> { }); // accepts, never answers
        int port = silent.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        String sue = standby.login("3001");
        holderAt.set("http://127.0.0.1:" + port);
        long start = System.nanoTime();
        SupervisorDesk.Reply r = standby.call(HttpMethod.GET, "/api/v1/queues", sue, null);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(504);
        assertThat(r.body().getString("error")).contains("did not answer");
        assertThat(tookMillis).isBetween(FORWARD_TIMEOUT.toMillis() - 100, FORWARD_TIMEOUT.toMillis() + 2_000);
    }
}

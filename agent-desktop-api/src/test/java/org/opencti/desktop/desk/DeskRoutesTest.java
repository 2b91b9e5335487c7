package org.opencti.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.acd.DeskSettings;
import org.opencti.acd.ExtensionPlan;
import org.opencti.core.customer.Customer;
import org.opencti.desktop.TestDesktop;
import org.opencti.desktop.TestDesktop.Reply;

/**
 * The desk routes over real HTTP: desk extensions at login, click-to-dial and scheduled callbacks, and who may do what
 * (agents for themselves only; a supervisor their team's callbacks; no token 401).
 */
class DeskRoutesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Vertx client = Vertx.vertx();
    private TestDesktop desktop;
    private long alice;

    @BeforeEach
    void start() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096, s -> { },
            new DeskSettings(ExtensionPlan.byPattern("21[0-9]{2}", "PJSIP/{extension}"), false, Duration.ofMinutes(2), LONDON));
        alice = desktop.customers().save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "100234",
            List.of("+12025550143", "+12025550199"))).id();
    }

    @AfterEach
    void stop() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        desktop.close();
    }

    private Reply call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
        return desktop.call(method, path, token, body == null ? null : body.encode());
    }

    private Reply login(String user, String extension) throws Exception {
        return call(HttpMethod.POST, "/api/v1/login", null, new JsonObject().put("user", user).put("password", "demo")
            .put("extension", extension));
    }

    private static String inAnHour() {
        return LocalDateTime.now(LONDON).plusHours(1).withSecond(0).withNano(0).toString();
    }

    private JsonObject callback(String number) {
        return new JsonObject().put("customerId", alice).put("number", number).put("dueAt", inAnHour()).put("note", "refund");
    }

    @Test
    void everyDeskRouteNeedsAToken() throws Exception {
        for (String route : List.of("GET /api/v1/agent/extension", "POST /api/v1/agent/extension", "POST /api/v1/agent/dial",
            "GET /api/v1/callbacks", "POST /api/v1/callbacks", "PATCH /api/v1/callbacks/x", "DELETE /api/v1/callbacks/x")) {
            String[] parts = route.split(" ");
            Reply r = call(HttpMethod.valueOf(parts[0]), parts[1], null, new JsonObject());
            assertThat(r.status()).as(route).isEqualTo(401);
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
    }

    @Test
    void anAgentLogsInAtADeskExtensionOnlyOneAtATime() throws Exception {
        Reply bad = login("2001", "3101");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getString("field")).isEqualTo("extension");
        assertThat(bad.body().getString("error")).isEqualTo("\"3101\" is not a desk extension here (they match 21[0-9]{2})");

        Reply ann = login("2001", "2101");
        assertThat(ann.status()).isEqualTo(200);
        assertThat(ann.body().getJsonObject("user").getString("extension")).isEqualTo("2101");
        String token = ann.body().getString("token");
        Reply taken = login("2002", "2101");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().getString("field")).isEqualTo("extension");
        assertThat(taken.body().getString("error")).isEqualTo("extension 2101 is in use by agent 2001 (Ann): pick the phone you sit at");

        JsonObject mine = call(HttpMethod.GET, "/api/v1/agent/extension", token, null).body();
        assertThat(mine.getString("extension")).isEqualTo("2101");
        assertThat(mine.getString("lastExtension")).isEqualTo("2101");
        Reply moved = call(HttpMethod.POST, "/api/v1/agent/extension", token, new JsonObject().put("extension", "2105"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().getString("state")).isEqualTo("NOT_READY");
        assertThat(login("2002", "2101").status()).as("free again").isEqualTo(200);
        Reply sup = call(HttpMethod.GET, "/api/v1/agents", desktop.login("3001"), null);
        assertThat(sup.body().getJsonArray("agents").getJsonObject(0).getString("extension")).isEqualTo("2105");
        assertThat(call(HttpMethod.POST, "/api/v1/agent/extension", token, new JsonObject().put("extension", "2106")
            .put("agent", "2002")).status()).as("for someone else").isEqualTo(403);
    }

    @Test
    void clickToDialIsForTheSignedInReadyAgentAndTheirCustomersNumbers() throws Exception {
        String ann = desktop.login("2001");
        Reply asSupervisor = call(HttpMethod.POST, "/api/v1/agent/dial", desktop.login("3001"),
            new JsonObject().put("customerId", alice));
        assertThat(asSupervisor.status()).isEqualTo(403);
        Reply asBob = call(HttpMethod.POST, "/api/v1/agent/dial", ann, new JsonObject().put("customerId", alice).put("agent", "2002"));
        assertThat(asBob.status()).isEqualTo(403);
        assertThat(asBob.body().getString("field")).isEqualTo("agent");

        Reply notReady = call(HttpMethod.POST, "/api/v1/agent/dial", ann, new JsonObject().put("customerId", alice));
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.body().getString("error")).isEqualTo("agent 2001 can dial only when ready (is not ready)");
        call(HttpMethod.POST, "/api/v1/agent/ready", ann, null);
        Reply typed = call(HttpMethod.POST, "/api/v1/agent/dial", ann, new JsonObject().put("number", "(202) 555-0143"));
        assertThat(typed.status()).isEqualTo(403);
        assertThat(typed.body().getString("error")).isEqualTo("manual dialing is off here: dial a number from a customer's record");
        Reply notTheirs = call(HttpMethod.POST, "/api/v1/agent/dial", ann, new JsonObject().put("customerId", alice)
            .put("number", "+14045550100"));
        assertThat(notTheirs.status()).isEqualTo(400);
        assertThat(notTheirs.body().getString("error")).isEqualTo("+14045550100 is not a number of customer " + alice);
        Reply nobody = call(HttpMethod.POST, "/api/v1/agent/dial", ann, new JsonObject().put("customerId", 999_999));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.body().getString("field")).isEqualTo("customerId");
        assertThat(call(HttpMethod.GET, "/api/v1/agent/state", ann, null).body().getString("state")).isEqualTo("READY");
    }

    @Test
    void anAgentSchedulesTheirOwnCallbacksAndOnlyTheyOrTheirTeamsSupervisorChangeThem() throws Exception {
        String ann = desktop.login("2001");
        String bob = desktop.login("2002");
        Reply forBob = call(HttpMethod.POST, "/api/v1/callbacks", ann, callback("+12025550199").put("agent", "2002"));
        assertThat(forBob.status()).as("not for another agent").isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/v1/callbacks", desktop.login("3001"), callback("+12025550199")).status())
            .as("supervisors do not schedule").isEqualTo(403);

        Reply made = call(HttpMethod.POST, "/api/v1/callbacks", ann, callback("+12025550199").put("assignTo", "queue"));
        assertThat(made.status()).isEqualTo(201);
        JsonObject c = made.body();
        assertThat(c.getString("agentId")).isEqualTo("2001");
        assertThat(c.getString("assignTo")).isEqualTo("queue");
        assertThat(c.getString("queue")).isEqualTo("billing");
        assertThat(c.getString("number")).isEqualTo("+12025550199");
        assertThat(c.getString("timeZone")).isEqualTo("Europe/London");
        assertThat(c.getString("localDueAt")).startsWith(inAnHour().substring(0, 13));
        assertThat(c.getString("status")).isEqualTo("PENDING");
        String id = c.getString("id");

        assertThat(call(HttpMethod.GET, "/api/v1/callbacks", ann, null).body().getJsonArray("callbacks")).hasSize(1);
        assertThat(call(HttpMethod.GET, "/api/v1/callbacks", bob, null).body().getJsonArray("callbacks")).isEmpty();
        assertThat(call(HttpMethod.GET, "/api/v1/callbacks", desktop.login("3002"), null).body().getJsonArray("callbacks"))
            .as("another team's supervisor").isEmpty();
        Reply bobCancels = call(HttpMethod.DELETE, "/api/v1/callbacks/" + id, bob, null);
        assertThat(bobCancels.status()).isEqualTo(403);
        assertThat(bobCancels.body().getString("error")).contains("is agent 2001's");
        assertThat(call(HttpMethod.PATCH, "/api/v1/callbacks/" + id, bob, new JsonObject().put("dueAt", inAnHour())).status())
            .isEqualTo(403);
        assertThat(call(HttpMethod.DELETE, "/api/v1/callbacks/" + id, desktop.login("3002"), null).status()).isEqualTo(403);

        Reply moved = call(HttpMethod.PATCH, "/api/v1/callbacks/" + id, desktop.login("3001"),
            new JsonObject().put("dueAt", "2099-01-01T10:00").put("timeZone", "America/New_York"));
        assertThat(moved.status()).as("more than 366 days ahead").isEqualTo(400);
        moved = call(HttpMethod.PATCH, "/api/v1/callbacks/" + id, desktop.login("3001"),
            new JsonObject().put("dueAt", inAnHour()).put("timeZone", "America/New_York"));
        assertThat(moved.status()).as("the team's supervisor").isEqualTo(200);
        assertThat(moved.body().getString("timeZone")).isEqualTo("America/New_York");
        assertThat(moved.body().getLong("version")).isEqualTo(1L);

        Reply cancelled = call(HttpMethod.DELETE, "/api/v1/callbacks/" + id, ann, null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().getString("status")).isEqualTo("CANCELLED");
        assertThat(call(HttpMethod.DELETE, "/api/v1/callbacks/" + id, ann, null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/callbacks", ann, null).body().getJsonArray("callbacks")).isEmpty();
    }

    @Test
    void badCallbackFieldsAreNamed() throws Exception {
        String ann = desktop.login("2001");
        Reply past = call(HttpMethod.POST, "/api/v1/callbacks", ann, callback("+12025550143").put("dueAt", "2020-01-01T10:00"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().getString("field")).isEqualTo("dueAt");
        assertThat(past.body().getString("error")).startsWith("2020-01-01T10:00 (Europe/London) is in the past: it is ");
        Reply zone = call(HttpMethod.POST, "/api/v1/callbacks", ann, callback("+12025550143").put("timeZone", "Europe/Londn"));
        assertThat(zone.body().getString("field")).isEqualTo("timeZone");
        Reply to = call(HttpMethod.POST, "/api/v1/callbacks", ann, callback("+12025550143").put("assignTo", "bob"));
        assertThat(to.body().getString("field")).isEqualTo("assignTo");
        Reply number = call(HttpMethod.POST, "/api/v1/callbacks", ann, new JsonObject().put("number", "call me").put("dueAt", inAnHour()));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body().getString("error")).isEqualTo("\"call me\" is not a phone number");
        Reply typed = call(HttpMethod.POST, "/api/v1/callbacks", ann,
            new JsonObject().put("number", "202 555 0100").put("dueAt", inAnHour()));
        assertThat(typed.status()).as("a caller without a record can be called back").isEqualTo(201);
        assertThat(typed.body().getString("number")).isEqualTo("+12025550100");
    }

    @Test
    void theWebSocketSaysWhichExtensionAndMovesTheAgent() throws Exception {
        String token = login("2001", "2101").body().getString("token");
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = client.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
            .setPort(desktop.port()).setURI("/api/v1/events")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(t -> inbox.add(new JsonObject(t)));
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
        JsonObject hello = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(hello.getString("type")).isEqualTo("hello");
        assertThat(hello.getString("extension")).isEqualTo("2101");
        assertThat(hello.getString("lastExtension")).isEqualTo("2101");
        ws.writeTextMessage(new JsonObject().put("type", "extension").put("extension", "99").encode());
        JsonObject error = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getString("field")).isEqualTo("extension");
        ws.writeTextMessage(new JsonObject().put("type", "extension").put("extension", "2102").encode());
        JsonObject state = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(state.getString("type")).isEqualTo("agentState");
        assertThat(call(HttpMethod.GET, "/api/v1/agent/extension", token, null).body().getString("extension")).isEqualTo("2102");
    }
}

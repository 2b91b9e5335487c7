package org.opencti.desktop.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;

/** GET /api/v1/agents and POST /api/v1/agents/{id}/queues over real HTTP: who sees and moves whom. */
class RosterRoutesTest {
    private static final String MOVE = "{\"queues\": {\"support\": 1, \"billing\": 2}}";
    private SupervisorDesk desk;

    @BeforeEach
    void start() throws Exception {
        desk = new SupervisorDesk(Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    private static List<String> ids(SupervisorDesk.Reply r) {
        return r.body().getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("agentId")).toList();
    }

    private JsonObject queuesOf(String agent) throws Exception {
        SupervisorDesk.Reply r = desk.call(HttpMethod.GET, "/api/v1/agents", desk.login("9001"), null);
        return r.body().getJsonArray("agents").stream().map(JsonObject.class::cast).filter(a -> a.getString("agentId").equals(agent))
            .findFirst().orElseThrow().getJsonObject("queues");
    }

    @Test
    void aSupervisorSeesTheirOwnTeamAndAnAdminSeesEveryone() throws Exception {
        desk.login("2001");
        desk.acd.notReady("2001", "coaching").toCompletableFuture().join();
        SupervisorDesk.Reply sue = desk.call(HttpMethod.GET, "/api/v1/agents", desk.login("3001"), null);
        assertThat(sue.status()).isEqualTo(200);
        assertThat(ids(sue)).containsExactly("2001", "2003");
        JsonObject ann = sue.body().getJsonArray("agents").getJsonObject(0);
        assertThat(ann.getString("name")).isEqualTo("Ann");
        assertThat(ann.getString("team")).isEqualTo("blue");
        assertThat(ann.getString("state")).isEqualTo("NOT_READY");
        assertThat(ann.getString("reason")).isEqualTo("coaching");
        assertThat(Instant.parse(ann.getString("since"))).isBeforeOrEqualTo(Instant.parse(sue.body().getString("at")));
        assertThat(ann.getValue("callId")).isNull();
        assertThat(ann.getJsonObject("queues")).isEqualTo(new JsonObject().put("billing", 1));

        assertThat(ids(desk.call(HttpMethod.GET, "/api/v1/agents", desk.login("3002"), null))).containsExactly("2002");
        assertThat(ids(desk.call(HttpMethod.GET, "/api/v1/agents", desk.login("9001"), null))).containsExactly("2001", "2002", "2003");
    }

    @Test
    void agentsGet403AndNoTokenGets401() throws Exception {
        String ann = desk.login("2001");
        for (SupervisorDesk.Reply r : List.of(desk.call(HttpMethod.GET, "/api/v1/agents", ann, null),
            desk.call(HttpMethod.POST, "/api/v1/agents/2003/queues", ann, MOVE),
            desk.call(HttpMethod.POST, "/api/v1/agents/2001/queues", ann, MOVE))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body().getString("error")).isEqualTo("supervisors and admins only");
        }
        for (SupervisorDesk.Reply r : List.of(desk.call(HttpMethod.GET, "/api/v1/agents", null, null),
            desk.call(HttpMethod.POST, "/api/v1/agents/2001/queues", null, MOVE),
            desk.call(HttpMethod.GET, "/api/v1/agents", "forged", null))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
        assertThat(queuesOf("2001")).isEqualTo(new JsonObject().put("billing", 1));
    }

    @Test
    void aSupervisorMovesTheirOwnAgentButNotAnotherTeamsAndAnAdminMovesAnyone() throws Exception {
        desk.login("2001");
        String sue = desk.login("3001");
        SupervisorDesk.Reply moved = desk.call(HttpMethod.POST, "/api/v1/agents/2001/queues", sue, MOVE);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().getString("agentId")).isEqualTo("2001");
        assertThat(moved.body().getString("state")).isEqualTo("NOT_READY");
        assertThat(moved.body().getJsonObject("queues")).isEqualTo(new JsonObject().put("billing", 2).put("support", 1));

        SupervisorDesk.Reply refused = desk.call(HttpMethod.POST, "/api/v1/agents/2002/queues", sue, "{\"queues\": {\"billing\": 3}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().getString("error")).isEqualTo("agent 2002 is not in your team");
        assertThat(queuesOf("2002")).as("Bob of team red is untouched").isEqualTo(new JsonObject().put("billing", 1));

        SupervisorDesk.Reply byAdmin = desk.call(HttpMethod.POST, "/api/v1/agents/2002/queues", desk.login("9001"),
            "{\"queues\": {\"billing\": 3}}");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(queuesOf("2002")).isEqualTo(new JsonObject().put("billing", 3));
        assertThat(desk.call(HttpMethod.POST, "/api/v1/agents/7777/queues", sue, MOVE).status()).isEqualTo(404);
    }

    @Test
    void movingAnAgentDuringACallIs409AndLeavesTheirQueues() throws Exception {
        desk.login("2001");
        desk.acd.ready("2001").toCompletableFuture().join();
        desk.callerFor("billing", "100.1");
        desk.awaitState("2001", AgentState.ON_CALL);
        SupervisorDesk.Reply r = desk.call(HttpMethod.POST, "/api/v1/agents/2001/queues", desk.login("3001"), MOVE);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().getString("field")).isEqualTo("state");
        assertThat(r.body().getString("error")).startsWith("agent 2001 is busy with call ").contains("(on call)")
            .endsWith("after the call");
        assertThat(queuesOf("2001")).isEqualTo(new JsonObject().put("billing", 1));
        JsonArray agents = desk.call(HttpMethod.GET, "/api/v1/agents", desk.login("3001"), null).body().getJsonArray("agents");
        assertThat(agents.getJsonObject(0).getString("state")).isEqualTo("ON_CALL");
        assertThat(agents.getJsonObject(0).getString("callId")).isNotBlank();
    }

    @Test
    void badQueuesAndBodiesAre400NamingWhatIsWrong() throws Exception {
        String sue = desk.login("3001");
        record Case(String body, String field, String error) { }
        for (Case c : List.of(
            new Case("{\"queues\": {\"billing\": 1, \"sales\": 1}}", "queues.sales", "no such queue \"sales\""),
            new Case("{\"queues\": {\"support\": 1}}", "queues.support", "agent 2003 lacks the skills queue support"),
            new Case("{\"queues\": {\"billing\": 0}}", "queues.billing", "priority must be a whole number, 1 (highest) to 100"),
            new Case("{\"queues\": {\"billing\": \"1\"}}", "queues.billing", "priority must be a whole number"),
            new Case("{\"queues\": {}}", "queues", "an agent must serve 1 to 50 queues"),
            new Case("{\"queues\": [\"billing\"]}", "queues", "required, an object of queue name to priority"),
            new Case("[1]", "$", "a JSON object body is required"),
            new Case("", "$", "a JSON object body is required"))) {
            SupervisorDesk.Reply r = desk.call(HttpMethod.POST, "/api/v1/agents/2003/queues", sue, c.body());
            assertThat(r.status()).as(c.body()).isEqualTo(400);
            assertThat(r.body().getString("field")).as(c.body()).isEqualTo(c.field());
            assertThat(r.body().getString("error")).as(c.body()).startsWith(c.error());
        }
        assertThat(queuesOf("2003")).isEqualTo(new JsonObject().put("billing", 1));
    }
}

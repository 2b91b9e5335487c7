package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.pbxsim.SimCall;

/**
 * A call through pbx-sim, the IVR and the ACD ends up in the historical reports, read back over REST from what the
 * node stored in PostgreSQL: the interaction (with its call id, tier and hold time) and the queue_log (wrap-up).
 */
class ReportsEndToEndTest {
    private TestNode node;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
        ann.connect("2001", "demo");
        ann.send(new JsonObject().put("type", "ready"));
        ann.awaitState("READY");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        node.close();
    }

    @Test
    void anAnsweredCallWithHoldAndWrapUpIsInTheReports() throws Exception {
        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "1");
        String callId = ann.awaitType("callOffered").json().getString("callId");
        ann.awaitType("callConnected");
        Await.until("caller and agent bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));
        assertThat(ann.post("/api/v1/agent/hold").status()).isEqualTo(200);
        assertThat(ann.post("/api/v1/agent/resume").status()).isEqualTo(200);
        node.pbx.hangup(call);
        ann.awaitState("WRAP_UP");
        ann.awaitState("READY");
        Await.until("the interaction and the wrap-up are stored", Duration.ofSeconds(10),
            () -> count("select count(*) from interactions where call_id = '" + callId + "' and tier = 'Gold'") == 1
                && count("select count(*) from queue_log where callid = '" + callId + "' and event = 'INFO'"
                    + " and data1 = 'WRAPUP'") == 1);
        long hold = count("select hold_seconds from interactions where call_id = '" + callId + "'");
        long wrap = count("select data2::int from queue_log where callid = '" + callId + "' and data1 = 'WRAPUP'");

        DesktopClient sam = new DesktopClient(node.httpPort());
        try {
            sam.login("3001", "demo");
            Instant now = Instant.now();
            String range = "from=" + now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "&to="
                + now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            DesktopClient.Reply queues = sam.get("/api/v1/reports/queues?" + range + "&interval=1d");
            assertThat(queues.status()).isEqualTo(200);
            JsonArray rows = queues.body().getJsonArray("rows");
            assertThat(rows).hasSize(1);
            JsonObject billing = rows.getJsonObject(0);
            assertThat(billing.getString("queue")).isEqualTo("billing");
            assertThat(billing.getString("tier")).isEqualTo("Gold");
            assertThat(billing.getLong("offered")).isEqualTo(1);
            assertThat(billing.getLong("answered")).isEqualTo(1);
            assertThat(billing.getDouble("averageHoldSeconds")).isEqualTo((double) hold);

            DesktopClient.Reply agents = sam.get("/api/v1/reports/agents?" + range);
            assertThat(agents.status()).isEqualTo(200);
            JsonObject a = agents.body().getJsonArray("rows").getJsonObject(0);
            assertThat(a.getString("agentId")).isEqualTo("2001");
            assertThat(a.getLong("handled")).isEqualTo(1);
            assertThat(a.getLong("wrapSeconds")).isEqualTo(wrap);
            assertThat(a.getLong("loggedInSeconds")).isPositive();

            // the agent's states as the ACD changed them (through the history's writer), in the centre's zone's bins
            Await.until("the state changes are stored", Duration.ofSeconds(10),
                () -> count("select count(*) from agent_state_history where agent_id = '2001' and state = 'WRAP_UP'") == 1);
            DesktopClient.Reply states = sam.get("/api/v1/reports/agent-states?" + range + "&interval=1d");
            assertThat(states.status()).isEqualTo(200);
            List<String> seen = states.body().getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("agentId").equals("2001")).map(r -> r.getString("state")).toList();
            assertThat(seen).contains("READY", "RESERVED", "ON_CALL", "ON_HOLD", "WRAP_UP");
        } finally {
            sam.close();
        }
    }

    private long count(String query) {
        try {
            return node.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

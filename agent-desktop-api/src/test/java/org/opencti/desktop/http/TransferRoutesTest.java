package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;

/** The transfer routes: who may call them, and a 400 naming the field or a 409 saying why, before anything reaches the PBX. */
class TransferRoutesTest {
    private TestDesktop desktop;
    private String agent;

    @BeforeEach
    void start() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096);
        agent = desktop.login("2001");
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    private TestDesktop.Reply post(String path, String token, String body) throws Exception {
        return desktop.call(HttpMethod.POST, path, token, body);
    }

    private void assertError(TestDesktop.Reply r, int status, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.body().getString("field")).isEqualTo(field);
        assertThat(r.body().getString("error")).contains(message);
    }

    @Test
    void onlyAgentsWithATokenMayTransfer() throws Exception {
        String body = new JsonObject().put("kind", "blind").put("queue", "billing").encode();
        for (String path : new String[] {"/api/v1/agent/transfer", "/api/v1/agent/transfer/complete", "/api/v1/agent/transfer/cancel",
            "/api/v1/agent/conference"}) {
            assertThat(post(path, null, body).status()).isEqualTo(401);
            assertThat(post(path, desktop.login("3001"), body).status()).isEqualTo(403);
        }
    }

    @Test
    void aBadBodyIsRefusedNamingTheField() throws Exception {
        String path = "/api/v1/agent/transfer";
        assertError(post(path, agent, ""), 400, "$", "JSON object body is required");
        assertError(post(path, agent, "{\"queue\":\"billing\"}"), 400, "kind", "\"blind\" or \"attended\"");
        assertError(post(path, agent, "{\"kind\":\"warm\",\"queue\":\"billing\"}"), 400, "kind", "\"blind\" or \"attended\"");
        assertError(post(path, agent, "{\"kind\":\"blind\"}"), 400, "queue", "one of queue, agent or number");
        assertError(post(path, agent, "{\"kind\":\"blind\",\"queue\":\"billing\",\"agent\":\"2002\"}"), 400, "agent", "only one");
        assertError(post(path, agent, "{\"kind\":\"blind\",\"agent\":42}"), 400, "agent", "letters, digits");
        assertError(post(path, agent, "{\"kind\":\"blind\",\"number\":\"555\\r\\nAction: Hangup\"}"), 400, "number", "letters");
        assertError(post(path, agent, new JsonObject().put("kind", "blind").put("queue", "billing").put("note", "a\r\nAction: Logoff")
            .encode()), 400, "note", "control characters");
        assertError(post(path, agent, new JsonObject().put("kind", "blind").put("queue", "billing").put("note", "x".repeat(201))
            .encode()), 400, "note", "at most 200");
        assertError(post(path, agent, "{\"kind\":\"blind\",\"queue\":\"billing\",\"priority\":1}"), 400, "priority", "unknown field");
    }

    @Test
    void withoutAConnectedCallTheStateDoesNotAllowIt() throws Exception {
        assertError(post("/api/v1/agent/transfer", agent, "{\"kind\":\"blind\",\"queue\":\"billing\"}"), 409, "state",
            "agent 2001 cannot transfer: no connected call");
        assertError(post("/api/v1/agent/transfer/complete", agent, null), 409, "state", "cannot complete a transfer");
        assertError(post("/api/v1/agent/transfer/cancel", agent, null), 409, "state", "cannot cancel a transfer");
        assertError(post("/api/v1/agent/conference", agent, null), 409, "state", "cannot start a conference");
    }
}

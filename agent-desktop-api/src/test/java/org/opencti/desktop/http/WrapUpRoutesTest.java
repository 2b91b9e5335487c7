package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;

/**
 * The wrap-up routes: agents only, a 400 naming the field for a bad body, a 404/409 when there is no call to wrap up. The
 * whole way (a call through pbx-sim, the form, the stored row, the next pop) is cti-server's end-to-end test.
 */
class WrapUpRoutesTest {
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

    private void assertError(TestDesktop.Reply r, int status, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.body().getString("field")).isEqualTo(field);
        assertThat(r.body().getString("error")).contains(message);
    }

    @Test
    void onlyAgentsWithAToken() throws Exception {
        String body = "{\"disposition\":\"resolved\"}";
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            assertThat(desktop.call(method, WrapUpRoutes.PATH, null, body).status()).isEqualTo(401);
            assertThat(desktop.call(method, WrapUpRoutes.PATH, desktop.login("3001"), body).status()).isEqualTo(403);
            assertThat(desktop.call(method, WrapUpRoutes.PATH, desktop.login("4001"), body).status()).isEqualTo(403);
        }
    }

    @Test
    void aBadBodyIsRefusedNamingTheField() throws Exception {
        assertError(post(""), 400, "$", "JSON object body is required");
        assertError(post("{\"disposition\":7}"), 400, "disposition", "must be a string");
        assertError(post("{\"disposition\":\"" + "x".repeat(65) + "\"}"), 400, "disposition", "at most 64");
        assertError(post("{\"notes\":[\"a\"]}"), 400, "notes", "must be a string");
        assertError(post("{\"notes\":\"ok\",\"finish\":\"yes\"}"), 400, "finish", "true or false");
        assertError(post("{\"notes\":\"ok\",\"rating\":5}"), 400, "rating", "unknown field");
    }

    @Test
    void withoutACallThereIsNothingToWrapUp() throws Exception {
        assertError(desktop.call(HttpMethod.GET, WrapUpRoutes.PATH, agent, null), 404, "callId", "no call to wrap up");
        assertError(post("{\"disposition\":\"resolved\",\"notes\":\"fine\"}"), 409, "state", "agent 2001 has no call to wrap up");
    }

    private TestDesktop.Reply post(String body) throws Exception {
        return desktop.call(HttpMethod.POST, WrapUpRoutes.PATH, agent, body);
    }
}

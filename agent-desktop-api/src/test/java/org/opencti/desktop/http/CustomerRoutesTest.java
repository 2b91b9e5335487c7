package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.desktop.TestDesktop;
import org.opencti.desktop.TestDesktop.Reply;

/** The customer API over real HTTP, on the in-memory store: who may do what, and a clear error for each bad field. */
class CustomerRoutesTest {
    private TestDesktop desktop;
    private Customer alice;
    private Customer bob;
    private String agent;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096);
        Actor seed = new Actor("4001", Instant.parse("2026-11-22T09:00:00Z"));
        alice = desktop.customers().create(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143"),
            new Customer.Contact("alice@example.com", "es", "voice", null), new Customer.Value(new BigDecimal("1200"), null,
                new BigDecimal("-5")), new Customer.Relationship(true, true, "2001")), seed);
        bob = desktop.customers().create(new Customer(0, "Mr", "Bob", "Stone", null, "AC-2", List.of("+13125550122")), seed);
        desktop.customers().addCase(alice.id(), CustomerCase.open(CustomerCase.Kind.ISSUE, "Router keeps rebooting",
            Instant.parse("2026-11-20T10:00:00Z")));
        agent = desktop.login("2001");
        admin = desktop.login("4001");
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    private Reply call(HttpMethod method, String path, String token, Object body) throws Exception {
        return desktop.call(method, path, token, body == null ? null : body.toString());
    }

    private String path(Customer c, String rest) {
        return "/api/v1/customers/" + c.id() + rest;
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() throws Exception {
        for (Object[] request : new Object[][] {
            {HttpMethod.GET, "/api/v1/customers?q=alice"}, {HttpMethod.GET, path(alice, "")},
            {HttpMethod.PATCH, path(alice, "")}, {HttpMethod.DELETE, path(alice, "")},
            {HttpMethod.POST, path(alice, "/notes")}, {HttpMethod.POST, path(alice, "/complaints")},
            {HttpMethod.GET, path(alice, "/audit")}}) {
            Reply r = call((HttpMethod) request[0], (String) request[1], null, new JsonObject().put("text", "x"));
            assertThat(r.status()).as(request[0] + " " + request[1]).isEqualTo(401);
            assertThat(r.body().getString("field")).isEqualTo("Authorization");
        }
        assertThat(call(HttpMethod.GET, path(alice, ""), "forged", null).status()).isEqualTo(401);
    }

    @Test
    void anAgentSearchesByAnyFormOfTheNumberAndReadsThe360View() throws Exception {
        Reply found = call(HttpMethod.GET, "/api/v1/customers?q=" + "(202)%20555-0143", agent, null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().getJsonArray("customers")).hasSize(1);
        assertThat(found.body().getJsonArray("customers").getJsonObject(0).getLong("id")).isEqualTo(alice.id());
        assertThat(call(HttpMethod.GET, "/api/v1/customers?q=sto&limit=1", agent, null).body()
            .getJsonArray("customers").getJsonObject(0).getString("lastName")).isEqualTo("Stone");

        JsonObject view = call(HttpMethod.GET, path(alice, ""), agent, null).body();
        assertThat(view.getString("name")).isEqualTo("Ms Alice Moreno");
        assertThat(view.getBoolean("vip")).isTrue();
        assertThat(view.getBoolean("churnRisk")).isTrue();
        assertThat(view.getString("lifetimeValue")).isEqualTo("1200.00");
        assertThat(view.getString("preferredLanguage")).isEqualTo("es");
        assertThat(view.getInteger("openIssues")).isEqualTo(1);
        assertThat(view.getInteger("openComplaints")).isZero();
        assertThat(view.containsKey("balance")).as("the balance is for the IVR after a PIN, not screens").isFalse();
    }

    @Test
    void badSearchParametersAreNamed() throws Exception {
        assertThat(call(HttpMethod.GET, "/api/v1/customers", agent, null).body().getString("field")).isEqualTo("q");
        assertThat(call(HttpMethod.GET, "/api/v1/customers?q=al&limit=101", agent, null).body().getString("field"))
            .isEqualTo("limit");
        assertThat(call(HttpMethod.GET, "/api/v1/customers?q=al&offset=-1", agent, null).body().getString("field"))
            .isEqualTo("offset");
        Reply unknown = call(HttpMethod.GET, "/api/v1/customers?q=al&sort=name", agent, null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().getString("field")).isEqualTo("sort");
        Reply badId = call(HttpMethod.GET, "/api/v1/customers/abc", agent, null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().getString("field")).isEqualTo("id");
        assertThat(call(HttpMethod.GET, "/api/v1/customers/999", agent, null).status()).isEqualTo(404);
    }

    @Test
    void aContactChangeIsValidatedFieldByFieldAndAudited() throws Exception {
        Reply bad = call(HttpMethod.PATCH, path(alice, ""), agent, new JsonObject().put("email", "alice.example.com")
            .put("phoneNumbers", new JsonArray().add("202 555 0143").add("call me")).put("preferredChannel", "fax")
            .put("shoeSize", 9));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getJsonObject("errors").fieldNames())
            .containsExactlyInAnyOrder("email", "phoneNumbers[1]", "preferredChannel", "shoeSize");
        assertThat(call(HttpMethod.PATCH, path(alice, ""), agent, "[1]").body().getString("field")).isEqualTo("$");

        Reply ok = call(HttpMethod.PATCH, path(alice, ""), agent, new JsonObject().put("email", "a.moreno@example.com")
            .put("phoneNumbers", new JsonArray().add("202-555-0143").add("+44 20 7946 0958")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().getJsonArray("phoneNumbers")).containsExactly("+12025550143", "+442079460958");
        assertThat(call(HttpMethod.PATCH, path(bob, ""), desktop.login("3001"), new JsonObject().put("salutation", "Dr"))
            .status()).as("a supervisor too").isEqualTo(200);

        JsonArray trail = call(HttpMethod.GET, path(alice, "/audit"), admin, null).body().getJsonArray("entries");
        JsonObject last = trail.getJsonObject(trail.size() - 1);
        assertThat(last.getString("action")).isEqualTo("contact-updated");
        assertThat(last.getString("by")).isEqualTo("2001");
        assertThat(last.getJsonArray("fields")).containsExactly("phoneNumbers", "email");
    }

    @Test
    void anotherCustomersNumberIsRefusedWith409NamingTheFieldAndTheOwner() throws Exception {
        Reply duplicate = call(HttpMethod.PATCH, path(bob, ""), agent, new JsonObject()
            .put("phoneNumbers", new JsonArray().add("+1 202 555 0143")));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().getString("field")).isEqualTo("phoneNumbers");
        assertThat(duplicate.body().getLong("existingCustomerId")).isEqualTo(alice.id());
    }

    @Test
    void notesAndComplaintsAreAddedAndTheirBodiesChecked() throws Exception {
        Reply note = call(HttpMethod.POST, path(alice, "/notes"), agent, new JsonObject().put("text", "Wants a callback"));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.body().getString("channel")).isEqualTo("note");
        Reply complaint = call(HttpMethod.POST, path(alice, "/complaints"), agent,
            new JsonObject().put("summary", "Charged twice"));
        assertThat(complaint.status()).isEqualTo(201);
        assertThat(complaint.body().getString("kind")).isEqualTo("complaint");

        JsonObject view = call(HttpMethod.GET, path(alice, ""), agent, null).body();
        assertThat(view.getInteger("openComplaints")).isEqualTo(1);
        assertThat(view.getJsonArray("recentInteractions").getJsonObject(0).getString("notes")).isEqualTo("Wants a callback");

        assertThat(call(HttpMethod.POST, path(alice, "/notes"), agent, new JsonObject().put("text", " ")).body()
            .getString("field")).isEqualTo("text");
        assertThat(call(HttpMethod.POST, path(alice, "/notes"), agent, new JsonObject().put("text", "x".repeat(2001)))
            .body().getString("field")).isEqualTo("text");
        assertThat(call(HttpMethod.POST, path(alice, "/notes"), agent, new JsonObject().put("text", "hi").put("by", "4001"))
            .body().getString("field")).as("unknown fields refused").isEqualTo("by");
        assertThat(call(HttpMethod.POST, path(alice, "/complaints"), agent, new JsonObject().put("summary", 5)).body()
            .getString("field")).isEqualTo("summary");
    }

    @Test
    void onlyAnAdminErasesOrReadsTheAudit() throws Exception {
        String supervisor = desktop.login("3001");
        for (String token : List.of(agent, supervisor)) {
            Reply erase = call(HttpMethod.DELETE, path(alice, ""), token, null);
            assertThat(erase.status()).isEqualTo(403);
            assertThat(erase.body().getString("field")).isEqualTo("Authorization");
            assertThat(call(HttpMethod.GET, path(alice, "/audit"), token, null).status()).isEqualTo(403);
        }
        assertThat(call(HttpMethod.GET, path(alice, ""), agent, null).status()).as("still there").isEqualTo(200);
    }

    @Test
    void erasureByAnAdminIsFinalAndASecondOneChangesNothing() throws Exception {
        Reply first = call(HttpMethod.DELETE, path(alice, ""), admin, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().getBoolean("erased")).isTrue();
        assertThat(first.body().getJsonArray("doNotCall")).containsExactly("+12025550143");

        Reply second = call(HttpMethod.DELETE, path(alice, ""), admin, null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().getBoolean("erased")).isFalse();
        assertThat(second.body().getString("message")).contains("already erased");

        assertThat(call(HttpMethod.GET, path(alice, ""), agent, null).status()).isEqualTo(410);
        assertThat(call(HttpMethod.PATCH, path(alice, ""), agent, new JsonObject().put("firstName", "Al")).status())
            .isEqualTo(410);
        assertThat(call(HttpMethod.POST, path(alice, "/notes"), agent, new JsonObject().put("text", "x")).status())
            .isEqualTo(410);
        assertThat(call(HttpMethod.GET, "/api/v1/customers?q=alice", agent, null).body().getJsonArray("customers")).isEmpty();
        JsonArray trail = call(HttpMethod.GET, path(alice, "/audit"), admin, null).body().getJsonArray("entries");
        assertThat(trail.getJsonObject(trail.size() - 1).getString("action")).isEqualTo("erased");
        assertThat(trail.getJsonObject(trail.size() - 1).getString("by")).isEqualTo("4001");
        assertThat(trail.encode()).doesNotContain("Alice", "Moreno", "+1202");
        assertThat(call(HttpMethod.GET, "/api/v1/customers/999/audit", admin, null).status()).isEqualTo(404);
    }
}

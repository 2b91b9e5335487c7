package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A campaign's life on a running node over PostgreSQL, through the real HTTP server: a supervisor creates it and
 * imports a list, an admin imports a national do-not-call register with bad rows, the supervisor checks a number,
 * starts and pauses the campaign; what the answers say is what the database holds.
 */
class CampaignEndToEndTest {
    private static final String LEADS = """
        phone,first_name
        (202) 555-0143,Alice
        +1 312 555 0199,Dana
        202 555 0150,Eve
        """;
    private static final String REGISTER = """
        phone
        202-555-0150
        not a number
        (202) 555-0151
        (202) 555-0152
        (202) 555-0153
        (202) 555-0154
        (202) 555-0155
        (202) 555-0156
        (202) 555-0157
        (202) 555-0158
        (202) 555-0159
        """;

    private static JsonObject campaign() {
        return new JsonObject().put("name", "Spring renewals").put("mode", "progressive").put("callerId", "(202) 555-0100")
            .put("assignment", new JsonObject().put("skill", "billing"))
            .put("schedule", new JsonObject().put("timeZone", "America/New_York").put("days", new JsonArray(List.of("mon", "tue", "wed",
                "thu", "fri"))).put("hours", "09:00-17:00"))
            .put("retryRules", new JsonArray().add(new JsonObject().put("outcome", "no_answer").put("maxAttempts", 2).put("delay", "PT4H")))
            .put("safeHarbourMessage", "This was Acme about your renewal. We will call again.")
            .put("script", "Hello {first_name}, this is Acme about your renewal.");
    }

    @Test
    void aSupervisorRunsACampaignWhoseNumbersAreCheckedAgainstAnImportedRegister() throws Exception {
        try (TestNode node = new TestNode(); DesktopClient supervisor = new DesktopClient(node.httpPort());
             DesktopClient admin = new DesktopClient(node.httpPort())) {
            supervisor.login("3001", "demo");
            admin.login("9001", "demo");

            DesktopClient.Reply created = supervisor.post("/api/v1/campaigns", campaign());
            assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
            long id = created.body().getLong("id");
            DesktopClient.Reply imported = supervisor.postCsv("/api/v1/campaigns/" + id + "/lists?name=March", LEADS);
            DesktopClient.Reply register = admin.postCsv("/api/v1/dnc/national?registry=US-DNC", REGISTER);
            DesktopClient.Reply check = supervisor.get("/api/v1/dnc/2025550150?campaign=" + id);
            DesktopClient.Reply started = supervisor.post("/api/v1/campaigns/" + id + "/start");
            DesktopClient.Reply paused = supervisor.post("/api/v1/campaigns/" + id + "/pause");
            DesktopClient.Reply read = supervisor.get("/api/v1/campaigns/" + id);

            assertThat(imported.status()).isEqualTo(201);
            assertThat(imported.body().getInteger("accepted")).isEqualTo(3);
            assertThat(register.status()).as(register.body().encode()).isEqualTo(200);
            assertThat(register.body().getInteger("loaded")).isEqualTo(10);
            assertThat(register.body().getJsonArray("rejected").getJsonObject(0).getInteger("line")).isEqualTo(3);
            assertThat(check.body().getBoolean("blocked")).isTrue();
            assertThat(check.body().getJsonObject("blockedBy")).isEqualTo(new JsonObject().put("list", "national").put("source", "US-DNC"));
            assertThat(started.body().getString("state")).isEqualTo("running");
            assertThat(paused.body().getString("state")).isEqualTo("paused");
            assertThat(read.body().getString("callerId")).isEqualTo("+12025550100");
            assertThat(read.body().getJsonArray("lists").getJsonObject(0).getInteger("dialable")).isEqualTo(3);

            assertThat(node.count("select count(*) from campaigns where state = 'paused' and state_changed_by = '3001'")).isEqualTo(1);
            assertThat(node.count("select count(*) from campaign_retry_rules where outcome = 'no_answer' and delay_seconds = 14400"))
                .isEqualTo(1);
            assertThat(node.count("select count(*) from leads where campaign_id = " + id)).isEqualTo(3);
            assertThat(node.count("select count(*) from national_dnc where registry = 'US-DNC'")).isEqualTo(10);
            assertThat(node.count("select count(*) from dnc_audit where action = 'national-imported' and done_by = '9001'"
                + " and numbers = 10")).isEqualTo(1);
            assertThat(supervisor.post("/api/v1/dnc/national?registry=US-DNC").status()).as("admins only").isEqualTo(403);
        }
    }
}

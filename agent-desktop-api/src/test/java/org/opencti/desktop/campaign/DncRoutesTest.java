package org.opencti.desktop.campaign;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;
import org.opencti.dialer.compliance.DncChange;
import org.opencti.dialer.compliance.DncList;
import org.opencti.dialer.compliance.DncLists;

/** Do-not-call administration over HTTP: register imports, the internal list with its trail, a number's status. */
class DncRoutesTest {
    private static final String REGISTER = "phone,listed_on\n(202) 555-0143,2026-01-02\nnot a number,2026-01-02\n202-555-0144,x\n"
        + "+1 202 555 0145,\n202 555 0143,again\n";
    private CampaignFixture desk;
    private String agent;
    private String supervisor;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        desk = new CampaignFixture();
        agent = desk.desktop.login("2001");
        supervisor = desk.desktop.login("3001");
        admin = desk.desktop.login("4001");
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    private static JsonObject entry(String number, String reason) {
        return new JsonObject().put("number", number).put("reason", reason);
    }

    @Test
    void anAdminImportsANationalRegisterAndGetsTheBadRowsByLine() throws Exception {
        TestDesktop.Reply reply = desk.upload("/api/v1/dnc/national?registry=US-DNC", admin, "text/csv", REGISTER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().getInteger("loaded")).isEqualTo(3);
        assertThat(reply.body().getInteger("duplicates")).isEqualTo(1);
        assertThat(reply.body().getInteger("rejectedCount")).isEqualTo(1);
        JsonObject bad = reply.body().getJsonArray("rejected").getJsonObject(0);
        assertThat(bad.getInteger("line")).isEqualTo(3);
        assertThat(bad.getString("field")).isEqualTo("phone");
        assertThat(desk.dnc.find(1, "+12025550145")).contains(new DncLists.Hit(DncList.NATIONAL, "US-DNC"));
        JsonObject status = desk.call(GET, "/api/v1/dnc/+12025550143", supervisor, (String) null).body();
        assertThat(status.getBoolean("blocked")).isTrue();
        assertThat(status.getJsonObject("blockedBy")).isEqualTo(new JsonObject().put("list", "national").put("source", "US-DNC"));
    }

    @Test
    void onlyAdminsImportRegistersAndAWrongFileChangesNothing() throws Exception {
        desk.upload("/api/v1/dnc/national?registry=US-DNC", admin, "text/csv", REGISTER);

        assertThat(desk.upload("/api/v1/dnc/national?registry=US-DNC", supervisor, "text/csv", "phone\n").status()).isEqualTo(403);
        assertThat(desk.upload("/api/v1/dnc/national?registry=US-DNC", agent, "text/csv", "phone\n").status()).isEqualTo(403);
        assertThat(desk.upload("/api/v1/dnc/national?registry=US-DNC", null, "text/csv", "phone\n").status()).isEqualTo(401);
        assertThat(desk.upload("/api/v1/dnc/national", admin, "text/csv", REGISTER).body().getString("field")).isEqualTo("registry");
        assertThat(desk.upload("/api/v1/dnc/national?registry=US-DNC", admin, "application/json", "{}").status()).isEqualTo(415);
        TestDesktop.Reply wrong = desk.upload("/api/v1/dnc/national?registry=US-DNC", admin, "text/csv", "phone\nabc\ndef\n");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().getString("field")).isEqualTo("body");

        assertThat(desk.dnc.status("+12025550143").national()).hasSize(1);
    }

    @Test
    void theInternalListIsChangedWithAReasonAndEveryChangeIsInTheTrail() throws Exception {
        TestDesktop.Reply added = desk.call(POST, "/api/v1/dnc", supervisor, entry("(202) 555-0150", "asked on the phone"));
        TestDesktop.Reply again = desk.call(POST, "/api/v1/dnc", admin, entry("+12025550150", "again"));
        TestDesktop.Reply removed = desk.call(DELETE, "/api/v1/dnc/+12025550150?reason=added%20to%20the%20wrong%20customer", admin,
            (String) null);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().getJsonObject("internal").getString("addedBy")).isEqualTo("3001");
        assertThat(added.body().getJsonObject("internal").getString("source")).isEqualTo("request");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().getBoolean("added")).isFalse();
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().getBoolean("blocked")).isFalse();
        assertThat(desk.dnc.status("+12025550150").history()).extracting(DncChange::action, DncChange::by, DncChange::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(DncChange.Action.ADDED, "3001", "asked on the phone"),
                org.assertj.core.groups.Tuple.tuple(DncChange.Action.REMOVED, "4001", "added to the wrong customer"));
        assertThat(desk.call(DELETE, "/api/v1/dnc/+12025550150?reason=x", admin, (String) null).status()).isEqualTo(404);
    }

    @Test
    void aRegulatorsEntryIsAddedByAdminsOnlyAndNeverRemoved() throws Exception {
        JsonObject regulator = entry("+12025550160", "order 2026/17").put("source", "regulator");

        assertThat(desk.call(POST, "/api/v1/dnc", supervisor, regulator).status()).isEqualTo(403);
        assertThat(desk.call(POST, "/api/v1/dnc", admin, regulator).status()).isEqualTo(201);
        TestDesktop.Reply refused = desk.call(DELETE, "/api/v1/dnc/+12025550160?reason=expired", admin, (String) null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().getString("field")).isEqualTo("number");
        assertThat(desk.dnc.find(1, "+12025550160")).isPresent();
        assertThat(desk.call(DELETE, "/api/v1/dnc/+12025550160?reason=expired", supervisor, (String) null).status()).isEqualTo(403);
    }

    @Test
    void badEntriesAreRefusedByFieldAndAgentsAreKeptOut() throws Exception {
        TestDesktop.Reply bad = desk.call(POST, "/api/v1/dnc", supervisor, new JsonObject().put("number", "call me")
            .put("source", "erasure").put("why", "x"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getJsonObject("errors").fieldNames()).containsExactlyInAnyOrder("number", "source", "reason", "why");
        assertThat(desk.call(POST, "/api/v1/dnc", supervisor, entry("call me", "x").put("source", "regulator")).status())
            .as("the bad field first, once").isEqualTo(400);
        assertThat(desk.call(POST, "/api/v1/dnc", agent, entry("+12025550170", "x")).status()).isEqualTo(403);
        assertThat(desk.call(POST, "/api/v1/dnc", null, entry("+12025550170", "x")).status()).isEqualTo(401);
        assertThat(desk.call(GET, "/api/v1/dnc/+12025550170", agent, (String) null).status()).isEqualTo(403);
        assertThat(desk.call(GET, "/api/v1/dnc/nonsense", supervisor, (String) null).body().getString("field")).isEqualTo("number");
        assertThat(desk.call(DELETE, "/api/v1/dnc/+12025550170", admin, (String) null).body().getString("field")).isEqualTo("reason");
        assertThat(desk.dnc.status("+12025550170").history()).isEmpty();
    }

    @Test
    void aCampaignsOwnListIsForWhoeverOverseesTheCampaign() throws Exception {
        long blue = desk.call(POST, "/api/v1/campaigns", supervisor, CampaignFixture.full("Blue", "billing")).body().getLong("id");
        long green = desk.call(POST, "/api/v1/campaigns", admin, CampaignFixture.full("Green", "support")).body().getLong("id");

        TestDesktop.Reply added = desk.call(POST, "/api/v1/campaigns/" + blue + "/dnc", supervisor, entry("2025550180", "asked"));
        TestDesktop.Reply notYours = desk.call(POST, "/api/v1/campaigns/" + green + "/dnc", supervisor, entry("2025550180", "x"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(notYours.status()).isEqualTo(403);
        JsonObject forBlue = desk.call(GET, "/api/v1/dnc/2025550180?campaign=" + blue, supervisor, (String) null).body();
        assertThat(forBlue.getBoolean("blocked")).isTrue();
        assertThat(forBlue.getJsonObject("blockedBy").getString("list")).isEqualTo("campaign");
        JsonObject anywhere = desk.call(GET, "/api/v1/dnc/2025550180", admin, (String) null).body();
        assertThat(anywhere.getBoolean("blocked")).as("only that campaign's list has it").isFalse();
        assertThat(anywhere.getJsonArray("campaigns").getList()).containsExactly((int) blue);
        assertThat(desk.call(GET, "/api/v1/dnc/2025550180?campaign=" + green, supervisor, (String) null).status()).isEqualTo(403);
        assertThat(desk.dnc.find(green, "+12025550180")).isEmpty();
    }
}

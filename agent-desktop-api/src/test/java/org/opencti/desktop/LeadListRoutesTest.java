package org.opencti.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.desktop.http.CampaignApi;
import org.opencti.desktop.http.CampaignStaff;
import org.opencti.dialer.campaign.Assignment;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.InMemoryCampaignStates;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignSchedule;
import org.opencti.dialer.campaign.InMemoryCampaignStore;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.compliance.InMemoryAttemptLog;
import org.opencti.dialer.compliance.InMemoryDncLists;
import org.opencti.dialer.compliance.InMemoryRefusalLog;
import org.opencti.dialer.compliance.NationalRegisterImporter;
import org.opencti.dialer.lead.CustomerLookup;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.LeadImporter;

/** POST /api/v1/campaigns/{id}/lists over HTTP: a CSV body in, every rejected row out; admins and the campaign's supervisors. */
class LeadListRoutesTest {
    private static final String FILE = "phone,first_name,time_zone\r\n(555) 123-0001,Ann,America/New_York\r\nnope,Bob,\r\n"
        + "555-123-0003,Cy,Mars/Base\r\n555 123 0001,Ann again,\r\n";
    private TestDesktop desktop;
    private Vertx client;
    private HttpClient http;
    private long campaign;
    private InMemoryLeadStore leads;

    @BeforeEach
    void start() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096);
        client = Vertx.vertx();
        http = client.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        var campaigns = new InMemoryCampaignStore();
        campaign = campaigns.save(Campaign.draft("Renewals", "+15551230000", new CampaignSchedule(java.time.ZoneId.of("UTC"),
            CampaignSchedule.WEEKDAYS, TimeWindow.parse("hours", "09:00-17:00")), Assignment.skill("billing"))).id();
        leads = new InMemoryLeadStore();
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        InMemoryDncLists dnc = new InMemoryDncLists();
        desktop.server().setCampaigns(new CampaignApi(campaigns, new InMemoryCampaignStates(campaigns), CampaignControl.NONE, leads,
            new LeadImporter(leads, CustomerLookup.none(), "US", LeadImporter.Limits.DEFAULT, clock), dnc,
            new NationalRegisterImporter(dnc, "US", NationalRegisterImporter.Limits.DEFAULT, clock), new InMemoryAttemptLog(),
            new InMemoryRefusalLog(), new CampaignStaff(Map.of("2001", new CampaignStaff.Member("blue", Set.of("billing"))),
            Set.of("billing")), new PhoneNumbers("US"), clock));
    }

    @AfterEach
    void stop() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        desktop.close();
    }

    private TestDesktop.Reply post(String path, String token, String type, Buffer body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(desktop.port()).setURI(path);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        if (type != null) {
            o.putHeader("Content-Type", type);
        }
        return http.request(o).compose(req -> req.send(body).compose(res -> res.body().map(b -> new TestDesktop.Reply(res.statusCode(),
                b.toJsonObject())))).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSupervisorImportsABadFileAndGetsEveryRejectedRowByLine() throws Exception {
        TestDesktop.Reply reply = post("/api/v1/campaigns/" + campaign + "/lists?name=March", desktop.login("3001"), "text/csv",
            Buffer.buffer(FILE));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().getInteger("accepted")).isEqualTo(1);
        assertThat(reply.body().getJsonArray("rejected").stream().map(o -> ((JsonObject) o).getInteger("line") + " "
            + ((JsonObject) o).getString("field"))).containsExactly("3 phone", "4 time_zone", "5 phone");
        assertThat(leads.listsOf(campaign)).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("March"));
    }

    @Test
    void aFileLargerThanTheServersUsualBodyLimitIsRead() throws Exception {
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("+1555%07d,Someone with a name\n".formatted(i));
        }
        assertThat(csv.length()).isGreaterThan(16 * 1024);

        TestDesktop.Reply reply = post("/api/v1/campaigns/" + campaign + "/lists", desktop.login("4001"), "text/csv; charset=utf-8",
            Buffer.buffer(csv.toString()));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().getInteger("accepted")).isEqualTo(2_000);
    }

    @Test
    void agentsAndStrangersAreRefused() throws Exception {
        String path = "/api/v1/campaigns/" + campaign + "/lists";

        assertThat(post(path, desktop.login("2001"), "text/csv", Buffer.buffer(FILE)).status()).isEqualTo(403);
        assertThat(post(path, null, "text/csv", Buffer.buffer(FILE)).status()).isEqualTo(401);
        assertThat(leads.listsOf(campaign)).isEmpty();
    }

    @Test
    void badRequestsNameWhatIsWrong() throws Exception {
        String token = desktop.login("3001");

        TestDesktop.Reply unknown = post("/api/v1/campaigns/999/lists", token, "text/csv", Buffer.buffer(FILE));
        TestDesktop.Reply notCsv = post("/api/v1/campaigns/" + campaign + "/lists", token, "application/json", Buffer.buffer("{}"));
        TestDesktop.Reply badId = post("/api/v1/campaigns/abc/lists", token, "text/csv", Buffer.buffer(FILE));
        TestDesktop.Reply noHeader = post("/api/v1/campaigns/" + campaign + "/lists", token, "text/csv", Buffer.buffer("name\nAnn\n"));
        TestDesktop.Reply tooBig = post("/api/v1/campaigns/" + campaign + "/lists", token, "text/csv",
            Buffer.buffer(new byte[8 * 1024 * 1024 + 1]));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().getString("field")).isEqualTo("id");
        assertThat(notCsv.status()).isEqualTo(415);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.body().getString("error")).contains("line 1").contains("phone");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(leads.listsOf(campaign)).isEmpty();
    }
}

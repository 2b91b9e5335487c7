package org.opencti.desktop.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.campaign.CampaignFigures;
import org.opencti.desktop.http.CampaignApi;
import org.opencti.desktop.http.CampaignStaff;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.InMemoryCampaignStates;
import org.opencti.dialer.campaign.InMemoryCampaignStore;
import org.opencti.dialer.compliance.InMemoryAttemptLog;
import org.opencti.dialer.compliance.InMemoryDncLists;
import org.opencti.dialer.compliance.InMemoryRefusalLog;
import org.opencti.dialer.compliance.NationalRegisterImporter;
import org.opencti.dialer.lead.CustomerLookup;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.LeadImporter;

/**
 * Campaign figures reach supervisors' sockets as {@code campaigns} frames with only the campaigns their team works, the
 * admin's with all, agents' with none; a watcher gets a frame only when its own rows change.
 */
class CampaignFiguresPushTest {
    private static final Instant AT = Instant.parse("2026-03-04T15:00:00Z");
    private SupervisorDesk desk;
    private volatile List<CampaignFigures> figures = List.of();

    @BeforeEach
    void start() throws Exception {
        desk = new SupervisorDesk(Duration.ofMillis(250));
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
        InMemoryLeadStore leads = new InMemoryLeadStore();
        InMemoryDncLists dnc = new InMemoryDncLists();
        CampaignStaff staff = new CampaignStaff(Map.of("2001", new CampaignStaff.Member("blue", Set.of("billing")),
            "2003", new CampaignStaff.Member("blue", Set.of("billing")), "2002", new CampaignStaff.Member("red", Set.of("collections"))),
            Set.of("billing", "collections"));
        desk.server().setCampaigns(new CampaignApi(campaigns, new InMemoryCampaignStates(campaigns), CampaignControl.NONE, leads,
            new LeadImporter(leads, CustomerLookup.none(), "US", LeadImporter.Limits.DEFAULT, clock), dnc,
            new NationalRegisterImporter(dnc, "US", new NationalRegisterImporter.Limits(1_000, 0.25, 100), clock),
            new InMemoryAttemptLog(), new InMemoryRefusalLog(), staff, new PhoneNumbers("US"), clock));
        desk.server().setCampaignDesk(new CampaignDesk() {
            @Override
            public CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value,
                                                 Instant callbackAt, boolean callbackToMe) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletionStage<List<CampaignFigures>> figures() {
                return CompletableFuture.completedFuture(figures);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    private long create(String admin, String name, String skill) throws Exception {
        JsonObject body = new JsonObject().put("name", name).put("mode", "preview").put("callerId", "(202) 555-0100")
            .put("schedule", new JsonObject().put("timeZone", "America/New_York").put("days", new JsonArray().add("monday"))
                .put("hours", "09:00-17:00"))
            .put("assignment", new JsonObject().put("agents", new JsonArray()).put("skill", skill))
            .put("safeHarbourMessage", "This was Acme.").put("script", "Hello {firstName}.")
            .put("dispositions", new JsonArray().add(new JsonObject().put("code", "sale").put("label", "Sale")
                .put("flags", new JsonArray().add("sale").add("final"))));
        SupervisorDesk.Reply r = desk.call(HttpMethod.POST, "/api/v1/campaigns", admin, body.encode());
        assertThat(r.status()).as(r.body().encode()).isEqualTo(201);
        return r.body().getLong("id");
    }

    private static CampaignFigures row(long id, String name, long dials) {
        return new CampaignFigures(id, name, "preview", "running", AT, dials, dials / 2, 0, 1.0, 2.0, 0, 30.0, 10.0, 100, 1);
    }

    /** The campaigns frames until one satisfies {@code wanted} (that one last); fails after 10 s. */
    private static List<JsonObject> until(BlockingQueue<JsonObject> inbox, Predicate<JsonObject> wanted) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonObject f = inbox.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (f == null) {
                break;
            }
            if ("campaigns".equals(f.getString("type"))) {
                seen.add(f);
                if (wanted.test(f)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no such campaigns frame; saw " + seen);
    }

    private static List<String> names(JsonObject frame) {
        return frame.getJsonArray("campaigns").stream().map(c -> ((JsonObject) c).getString("name")).toList();
    }

    private static long dials(JsonObject frame, String name) {
        return frame.getJsonArray("campaigns").stream().map(JsonObject.class::cast).filter(c -> c.getString("name").equals(name))
            .findFirst().orElseThrow().getLong("dials");
    }

    @Test
    void eachSupervisorGetsOnlyTheirTeamsCampaignsAndOnlyWhenTheyChange() throws Exception {
        String admin = desk.login("9001");
        long blue = create(admin, "Blue renewals", "billing");
        long red = create(admin, "Red collections", "collections");
        figures = List.of(row(blue, "Blue renewals", 10), row(red, "Red collections", 20));

        BlockingQueue<JsonObject> sue = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> raj = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> ada = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> ann = new LinkedBlockingQueue<>();
        desk.socket(desk.login("2001"), ann);
        desk.socket(desk.login("3001"), sue);
        desk.socket(desk.login("3002"), raj);
        desk.socket(admin, ada);

        assertThat(names(until(sue, f -> true).get(0))).containsExactly("Blue renewals");
        assertThat(names(until(raj, f -> true).get(0))).containsExactly("Red collections");
        assertThat(names(until(ada, f -> !f.getJsonArray("campaigns").isEmpty()).get(0)))
            .containsExactly("Blue renewals", "Red collections");

        figures = List.of(row(blue, "Blue renewals", 11), row(red, "Red collections", 20));
        assertThat(until(sue, f -> dials(f, "Blue renewals") == 11)).hasSize(1);
        figures = List.of(row(blue, "Blue renewals", 11), row(red, "Red collections", 21));
        // Raj's next frame is the red change: the blue one, read a tick earlier, sent him nothing.
        List<JsonObject> rajs = until(raj, f -> true);
        assertThat(rajs).hasSize(1);
        assertThat(dials(rajs.get(0), "Red collections")).isEqualTo(21);
        assertThat(ann).as("an agent's socket carries no campaign figures").noneMatch(f -> "campaigns".equals(f.getString("type")));
    }
}

package org.opencti.desktop.campaign;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.desktop.TestDesktop;
import org.opencti.desktop.http.CampaignApi;
import org.opencti.desktop.http.CampaignStaff;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.CampaignState;
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
 * A desktop server ({@link TestDesktop}: agents 2001 and 2002 of team blue, supervisor 3001 of blue, admin 4001) with the
 * campaign API over in-memory stores. Staff: 2001 and 2002 (blue) have billing, 2101 (green) has support; nobody has
 * sales. The dialer's hook records what it is told and can be made to refuse or fail.
 */
final class CampaignFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");

    /** The hook: what it was told, in order ("started 1 draft"); throws {@link #failNext} once when set. */
    static final class RecordingControl implements CampaignControl {
        final List<String> told = new CopyOnWriteArrayList<>();
        volatile RuntimeException failNext;

        private void tell(String what) {
            told.add(what);
            RuntimeException failure = failNext;
            failNext = null;
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void started(Campaign campaign, CampaignState from) {
            tell("started " + campaign.id() + " " + from.word());
        }

        @Override
        public void paused(Campaign campaign) {
            tell("paused " + campaign.id());
        }

        @Override
        public void stopped(Campaign campaign) {
            tell("stopped " + campaign.id());
        }

        @Override
        public void changed(Campaign campaign, CampaignState state) {
            tell("changed " + campaign.id() + " " + campaign.name() + " " + state.word());
        }
    }

    final TestDesktop desktop;
    final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    final InMemoryCampaignStates states = new InMemoryCampaignStates(campaigns);
    final InMemoryLeadStore leads = new InMemoryLeadStore();
    final InMemoryDncLists dnc = new InMemoryDncLists();
    final InMemoryAttemptLog attempts = new InMemoryAttemptLog();
    final InMemoryRefusalLog refusals = new InMemoryRefusalLog();
    final RecordingControl control = new RecordingControl();
    private final Vertx client = Vertx.vertx();
    private final HttpClient http = client.createHttpClient(new HttpClientOptions().setKeepAlive(false));

    CampaignFixture() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CampaignStaff staff = new CampaignStaff(Map.of("2001", new CampaignStaff.Member("blue", Set.of("billing")),
            "2002", new CampaignStaff.Member("blue", Set.of("billing")), "2101", new CampaignStaff.Member("green", Set.of("support"))),
            Set.of("billing", "support", "sales"));
        desktop.server().setCampaigns(new CampaignApi(campaigns, states, control, leads,
            new LeadImporter(leads, CustomerLookup.none(), "US", LeadImporter.Limits.DEFAULT, clock), dnc,
            new NationalRegisterImporter(dnc, "US", new NationalRegisterImporter.Limits(1_000, 0.25, 100), clock), attempts,
            refusals, staff, new PhoneNumbers("US"), clock));
    }

    TestDesktop.Reply call(HttpMethod method, String path, String token, String body) throws Exception {
        return desktop.call(method, path, token, body);
    }

    TestDesktop.Reply call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
        return desktop.call(method, path, token, body.encode());
    }

    /** A POST with this Content-Type (text/csv uploads). */
    TestDesktop.Reply upload(String path, String token, String type, String body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(desktop.port()).setURI(path);
        if (token != null) {
            o.putHeader("Authorization", "Bearer " + token);
        }
        o.putHeader("Content-Type", type);
        return http.request(o).compose(req -> req.send(Buffer.buffer(body)).compose(res -> res.body()
                .map(b -> new TestDesktop.Reply(res.statusCode(), b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A campaign with every field set, worked by this skill or these agents. */
    static JsonObject full(String name, String skill, String... agents) {
        return new JsonObject("""
            {"name": "NAME", "mode": "predictive", "callerId": "(202) 555-0100",
             "schedule": {"timeZone": "America/New_York", "days": ["monday", "wed", "Friday"], "hours": "09:30-18:00"},
             "callingHours": {"leadLocal": "08:00-21:00", "unknownZone": "10:00-19:00"},
             "abandonLimitPercent": 2.5, "amd": true,
             "retryRules": [{"outcome": "busy", "maxAttempts": 4, "delay": "PT10M"},
                            {"outcome": "machine", "maxAttempts": 2, "delay": "PT6H"}],
             "safeHarbourMessage": "This was Acme. We will call again.", "script": "Hello, this is {agent} from Acme.",
             "dispositions": [{"code": "sale", "label": "Sale", "value": "120.50", "flags": ["sale", "final"]},
                              {"code": "dnc", "label": "Do not call", "flags": ["dnc_request", "final"]}],
             "caps": [{"scope": "number", "maxAttempts": 3, "period": "P7D"}],
             "eligibility": {"recentOrderDays": 30, "skipOpenComplaints": false, "requireVoiceConsent": true},
             "listLowThreshold": 25}
            """.replace("NAME", name))
            .put("assignment", new JsonObject().put("agents", new io.vertx.core.json.JsonArray(List.of(agents))).put("skill", skill));
    }

    @Override
    public void close() throws Exception {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            desktop.close();
        }
    }
}

package org.opencti.desktop.campaign;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.compliance.DialRefusal;
import org.opencti.dialer.compliance.RefusalReason;

/** A campaign's attempts and refusals for a compliance audit: paged in time order, refusals counted by reason. */
class CampaignLogRoutesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final String RANGE = "from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z";
    private CampaignFixture desk;
    private String supervisor;
    private long blue;
    private long green;

    @BeforeEach
    void start() throws Exception {
        desk = new CampaignFixture();
        supervisor = desk.desktop.login("3001");
        String admin = desk.desktop.login("4001");
        blue = desk.call(POST, "/api/v1/campaigns", supervisor, CampaignFixture.full("Blue", "billing")).body().getLong("id");
        green = desk.call(POST, "/api/v1/campaigns", admin, CampaignFixture.full("Green", "support")).body().getLong("id");
        for (int i = 0; i < 5; i++) {
            long id = desk.attempts.started(DialAttempt.start(blue, null, "+1202555014" + i, null, "2001", T0.plusSeconds(60L * i)));
            desk.attempts.ended(id, i % 2 == 0 ? CallOutcome.LIVE_ANSWER : CallOutcome.BUSY);
        }
        desk.attempts.started(DialAttempt.start(blue, null, "+12025550149", null, null, T0.plusSeconds(86_400)));
        desk.refusals.record(new DialRefusal(blue, null, "+12025550150", RefusalReason.DNC_NATIONAL, "US-DNC", T0));
        desk.refusals.record(new DialRefusal(blue, null, "+12025550151", RefusalReason.DNC_NATIONAL, "US-DNC", T0.plusSeconds(1)));
        desk.refusals.record(new DialRefusal(blue, null, "+12025550152", RefusalReason.OUTSIDE_CALLING_HOURS, "21:05 local",
            T0.plusSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    @Test
    void attemptsComeInPagesInTimeOrder() throws Exception {
        JsonObject first = desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts?" + RANGE + "&limit=3", supervisor, (String) null)
            .body();
        JsonObject second = desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts?" + RANGE + "&limit=3&after="
            + URLEncoder.encode(first.getString("next"), StandardCharsets.UTF_8), supervisor, (String) null).body();

        assertThat(first.getJsonArray("attempts").stream().map(a -> ((JsonObject) a).getString("number")))
            .containsExactly("+12025550140", "+12025550141", "+12025550142");
        assertThat(first.getJsonArray("attempts").getJsonObject(1).getString("outcome")).isEqualTo("busy");
        assertThat(second.getJsonArray("attempts").stream().map(a -> ((JsonObject) a).getString("number")))
            .containsExactly("+12025550143", "+12025550144");
        assertThat(second.getString("next")).as("the next day is outside the range").isNull();
    }

    @Test
    void refusalsAreCountedByReasonAndFiltered() throws Exception {
        JsonObject all = desk.call(GET, "/api/v1/campaigns/" + blue + "/refusals?" + RANGE, supervisor, (String) null).body();
        JsonObject national = desk.call(GET, "/api/v1/campaigns/" + blue + "/refusals?" + RANGE + "&reason=dnc_national",
            supervisor, (String) null).body();

        assertThat(all.getJsonObject("counts")).isEqualTo(new JsonObject().put("dnc_national", 2).put("outside_calling_hours", 1));
        assertThat(all.getLong("total")).isEqualTo(3);
        assertThat(all.getJsonArray("refusals")).hasSize(3);
        assertThat(national.getJsonArray("refusals").stream().map(r -> ((JsonObject) r).getString("number")))
            .containsExactly("+12025550150", "+12025550151");
        assertThat(national.getJsonObject("counts").getInteger("outside_calling_hours")).as("counts cover the range").isEqualTo(1);
    }

    @Test
    void badRangesAndOtherTeamsCampaignsAreRefused() throws Exception {
        String agent = desk.desktop.login("2001");

        assertThat(field(desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts", supervisor, (String) null))).isEqualTo("from");
        assertThat(field(desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z",
            supervisor, (String) null))).isEqualTo("to");
        assertThat(field(desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts?" + RANGE + "&limit=5000", supervisor,
            (String) null))).isEqualTo("limit");
        assertThat(field(desk.call(GET, "/api/v1/campaigns/" + blue + "/attempts?" + RANGE + "&after=yesterday", supervisor,
            (String) null))).isEqualTo("after");
        assertThat(field(desk.call(GET, "/api/v1/campaigns/" + blue + "/refusals?" + RANGE + "&reason=whim", supervisor,
            (String) null))).isEqualTo("reason");
        assertThat(desk.call(GET, "/api/v1/campaigns/" + green + "/attempts?" + RANGE, supervisor, (String) null).status())
            .isEqualTo(403);
        assertThat(desk.call(GET, "/api/v1/campaigns/" + blue + "/refusals?" + RANGE, agent, (String) null).status()).isEqualTo(403);
        assertThat(desk.call(GET, "/api/v1/campaigns/" + blue + "/refusals?" + RANGE, null, (String) null).status()).isEqualTo(401);
    }

    private static String field(TestDesktop.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.body().getString("field");
    }
}

package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.Assignment;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignSchedule;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.campaign.TimeWindow;

/** A supervisor imports a lead file into a campaign of a running node: bad rows by line, good rows into PostgreSQL. */
class LeadImportEndToEndTest {
    private static final String FILE = """
        phone,first_name,last_name
        (202) 555-0143,Alice,Moreno
        12,Too,Short
        +1 312 555 0199,Dana,Fox
        """;

    @Test
    void theNodeImportsALeadFileIntoItsCampaignAndKnowsTheExistingCustomer() throws Exception {
        try (TestNode node = new TestNode(); DesktopClient supervisor = new DesktopClient(node.httpPort())) {
            long campaign = new PostgresCampaignStore(node.database.dataSource()).save(Campaign.draft("Renewals", "+15551230000",
                new CampaignSchedule(ZoneId.of("America/New_York"), CampaignSchedule.WEEKDAYS, TimeWindow.parse("hours", "09:00-17:00")),
                Assignment.skill("billing"))).id();
            supervisor.login("3001", "demo");

            DesktopClient.Reply reply = supervisor.postCsv("/api/v1/campaigns/" + campaign + "/lists", FILE);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body().getInteger("accepted")).isEqualTo(2);
            JsonObject rejected = reply.body().getJsonArray("rejected").getJsonObject(0);
            assertThat(rejected.getInteger("line")).isEqualTo(3);
            assertThat(rejected.getString("field")).isEqualTo("phone");
            assertThat(node.count("select count(*) from leads")).isEqualTo(2);
            assertThat(node.count("select count(*) from leads where e164 = '+12025550143' and customer_id is not null"))
                .as("Alice is a customer already").isEqualTo(1);
        }
    }
}

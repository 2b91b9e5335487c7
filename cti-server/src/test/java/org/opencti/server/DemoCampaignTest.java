package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.campaign.CampaignFigures;

/** The demo dials its campaign for the agents who work it, and inbound callers still reach the others. */
class DemoCampaignTest {
    @Test
    void theDemoDialsItsCampaignWhileInboundCallsStillArrive() throws Exception {
        try (Demo demo = Demo.start(new DemoOptions(0, 2)); DesktopClient ann = new DesktopClient(demo.centre().httpPort());
             DesktopClient chen = new DesktopClient(demo.centre().httpPort())) {
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            chen.connect("2003", "demo");
            chen.send(new JsonObject().put("type", "ready"));

            ann.awaitType("callOffered");
            Await.until("the demo campaign dials", Duration.ofSeconds(20), () -> {
                List<CampaignFigures> figures = demo.centre().campaigns().figures().toCompletableFuture().join();
                return figures.size() == 1 && figures.get(0).dials() > 0;
            });
            assertThat(demo.centre().campaigns().figures().toCompletableFuture().get().get(0).name()).isEqualTo("Demo renewals");
        }
    }
}

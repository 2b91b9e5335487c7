package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/**
 * A waiting caller hears their position: the ACD redirects them (real AMI Redirect) into the shipped
 * dialplan's [cti-announce], which sends them back to hold, and they keep their place for the next agent.
 */
class QueueAnnouncementEndToEndTest {
    private TestNode node;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
        ann.connect("2001", "demo");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        node.close();
    }

    @Test
    void aWaitingCallerIsTakenToTheAnnouncementAndBackAndThenReachesTheAgent() throws Exception {
        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "2");
        Await.until("the caller is redirected to the announcement", Duration.ofSeconds(30), () -> node.pbx.history().stream()
            .anyMatch(r -> r.kind() == SimRecord.Kind.REDIRECTED && r.subject().equals(call.channel())));
        Await.until("the caller is back on hold", Duration.ofSeconds(15), () -> node.pbx.channel(call.channel())
            .map(c -> c.context().equals("cti-hold")).orElse(false)
            && node.pbx.history().stream().filter(r -> r.kind() == SimRecord.Kind.ENTERED_HOLD && r.subject().equals(call.channel()))
                .count() >= 2);

        ann.send(new JsonObject().put("type", "ready"));
        JsonObject offered = ann.awaitType("callOffered").json();
        assertThat(offered.getString("callId")).isEqualTo("c-" + call.uniqueid());
        ann.awaitType("callConnected");
        assertThat(node.centre.acd().liveCallCount().toCompletableFuture().get()).as("one call, not a second one from the re-entry")
            .isEqualTo(1);
    }
}

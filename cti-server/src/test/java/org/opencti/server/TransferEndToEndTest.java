package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.pbxsim.SimCall;

/**
 * Transfers through pbx-sim over real AMI and FastAGI: a caller whom the IVR (a menu tree) sent to billing with their
 * intent reaches agent 2001 (Ann, the only billing agent), who hands them on to 2002 (Bo, support only): blind to the
 * support queue, then attended (completed), then attended and cancelled, then a conference that Ann leaves. Bo's pop
 * shows what the caller told the IVR plus who transferred them and the note; both legs of each transfer are in the history.
 */
class TransferEndToEndTest {
    private static final String ALICE = "2025550143";
    private static final String TREE = """
        trees:
          main:
            languages: [en]
            defaultLanguage: en
            start: intent
            personExit: billing
            nodes:
              intent: {type: setData, values: {intent: refund}, next: toBilling}
              toBilling: {type: transferToQueue, queue: billing}
        """;

    @Test
    void blindToAQueueThenAttendedCompletedThenCancelledThenAConference(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE);
        try (TestNode node = new TestNode("ivrMenuFile: " + tree + "\n"); DesktopClient ann = new DesktopClient(node.httpPort());
             DesktopClient bo = new DesktopClient(node.httpPort())) {
            ann.connect("2001", "demo");
            bo.connect("2002", "demo");
            ready(ann);
            ready(bo);

            // Blind to the support queue: the caller is re-queued there and reaches Bo with their call data and the note.
            SimCall first = caller(node);
            JsonObject annPop = ann.awaitType("screenPop").json();
            ann.awaitType("callConnected");
            JsonObject ivrData = annPop.getJsonObject("callData");
            assertThat(ivrData.getString("CTI_INTENT")).isEqualTo("refund");
            assertThat(ivrData.getString("CTI_QUEUE")).isEqualTo("billing");
            DesktopClient.Reply blind = ann.post("/api/v1/agent/transfer",
                new JsonObject().put("kind", "blind").put("queue", "support").put("note", "wants a refund"));
            assertThat(blind.status()).as(blind.toString()).isEqualTo(200);
            assertThat(blind.body().getString("state")).isEqualTo("WRAP_UP");
            assertThat(ann.awaitType("callEnded").json().getString("outcome")).isEqualTo("transferred to queue:support");

            JsonObject boPop = bo.awaitType("screenPop").json();
            JsonObject carried = boPop.getJsonObject("callData");
            for (String key : ivrData.fieldNames()) {
                assertThat(carried.getString(key)).as(key).isEqualTo(key.equals("CTI_QUEUE") ? "support" : ivrData.getString(key));
            }
            assertThat(carried.getString("CTI_TRANSFERRED_BY")).isEqualTo("2001");
            assertThat(carried.getString("CTI_TRANSFER_NOTE")).isEqualTo("wants a refund");
            assertThat(carried.size()).isEqualTo(ivrData.size() + 2);
            assertThat(boPop.getJsonObject("pop").getJsonObject("customer").getString("accountNumber")).isEqualTo("100234");
            bo.awaitType("callConnected");
            awaitPbx(node, "the caller is bridged with Bo", () -> node.pbx.isBridged(first)
                && node.pbx.channels().stream().noneMatch(c -> c.name().startsWith("Local/2001@agents")));
            node.pbx.hangup(first);
            bo.awaitType("callEnded");
            awaitRows(node, "transfer_kind = 'blind' and transferred_by = '2001' and transfer_target = 'queue:support'", 2);

            // Attended, completed: Ann consults Bo with the caller on hold, then leaves them together.
            ready(ann);
            ready(bo);
            SimCall second = caller(node);
            ann.awaitType("callConnected");
            DesktopClient.Reply consult = ann.post("/api/v1/agent/transfer",
                new JsonObject().put("kind", "attended").put("agent", "2002").put("note", "address change"));
            assertThat(consult.body().getString("state")).as(consult.toString()).isEqualTo("ON_HOLD");
            assertThat(bo.awaitType("screenPop").json().getJsonObject("callData").getString("CTI_TRANSFER_NOTE"))
                .isEqualTo("address change");
            bo.awaitType("callConnected");
            awaitPbx(node, "Ann and Bo talk while the caller hears music",
                () -> !node.pbx.isBridged(second) && bridgedWithEachOther(node, "Local/2001@agents", "Local/2002@agents"));
            DesktopClient.Reply complete = ann.post("/api/v1/agent/transfer/complete");
            assertThat(complete.body().getString("state")).as(complete.toString()).isEqualTo("WRAP_UP");
            awaitPbx(node, "the caller is bridged with Bo and Ann's leg is gone", () -> node.pbx.isBridged(second)
                && node.pbx.channels().stream().noneMatch(c -> c.name().startsWith("Local/2001@agents")));
            node.pbx.hangup(second);
            bo.awaitType("callEnded");
            awaitRows(node, "transfer_kind = 'attended' and transferred_by = '2001' and transfer_target = 'agent:2002'", 2);

            // Attended, cancelled: Bo is released and Ann is back with the caller.
            ready(ann);
            ready(bo);
            SimCall third = caller(node);
            ann.awaitType("callConnected");
            assertThat(ann.post("/api/v1/agent/transfer/complete").status()).isEqualTo(409);
            ann.post("/api/v1/agent/transfer", new JsonObject().put("kind", "attended").put("agent", "2002"));
            bo.awaitType("callConnected");
            awaitPbx(node, "Ann and Bo talk",
                () -> bridgedWithEachOther(node, "Local/2001@agents", "Local/2002@agents"));
            DesktopClient.Reply cancel = ann.post("/api/v1/agent/transfer/cancel");
            assertThat(cancel.body().getString("state")).as(cancel.toString()).isEqualTo("ON_CALL");
            assertThat(bo.awaitType("callEnded").json().getString("outcome")).isEqualTo("consultation cancelled");
            bo.awaitState("READY");
            awaitPbx(node, "the caller is back with Ann and Bo's leg is gone", () -> node.pbx.isBridged(third)
                && node.pbx.channels().stream().noneMatch(c -> c.name().startsWith("Local/2002@agents")));
            node.pbx.hangup(third);
            assertThat(ann.awaitType("callEnded").json().getString("outcome")).isEqualTo("caller hung up");
            awaitRows(node, "transfer_kind is null and agent_id = '2001' and outcome = 'answered'", 1);

            // Conference: the consultation becomes a three-way ConfBridge; Ann leaves it and the caller goes on with Bo.
            ready(ann);
            ready(bo);
            SimCall fourth = caller(node);
            ann.awaitType("callConnected");
            ann.post("/api/v1/agent/transfer", new JsonObject().put("kind", "attended").put("agent", "2002"));
            bo.awaitType("callConnected");
            awaitPbx(node, "Ann and Bo talk", () -> bridgedWithEachOther(node, "Local/2001@agents", "Local/2002@agents"));
            DesktopClient.Reply conference = ann.post("/api/v1/agent/conference");
            assertThat(conference.body().getString("reason")).as(conference.toString()).isEqualTo("conference with agent:2002");
            awaitPbx(node, "the three are in one conference", () -> node.pbx.channels().stream()
                .filter(c -> "cti-conference".equals(c.context()) && "ConfBridge".equals(c.application())).count() == 3);
            assertThat(ann.post("/api/v1/agent/transfer/complete").body().getString("state")).isEqualTo("WRAP_UP");
            awaitPbx(node, "the caller is bridged with Bo and Ann's leg is gone", () -> node.pbx.isBridged(fourth)
                && node.pbx.channels().stream().noneMatch(c -> c.name().startsWith("Local/2001@agents")));
            node.pbx.hangup(fourth);
            bo.awaitType("callEnded");
            awaitRows(node, "transfer_kind = 'attended' and transferred_by = '2001' and transfer_target = 'agent:2002'", 4);
            assertThat(node.count("select count(*) from interactions")).isEqualTo(7);
        }
    }

    /** A caller through [cti-inbound] and the menu tree: the IVR sets their intent and sends them to billing. */
    private static SimCall caller(TestNode node) {
        return node.pbx.placeInboundCall(ALICE, "MORENO ALICE", "5551000");
    }

    private static void ready(DesktopClient agent) throws Exception {
        Await.until("agent can go ready", Duration.ofSeconds(10), () -> {
            try {
                return agent.post("/api/v1/agent/ready").status() == 200;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        agent.awaitState("READY");
    }

    /** Waits for the PBX to reach a state; on time-out the message lists the channels there are. */
    private static void awaitPbx(TestNode node, String what, java.util.function.BooleanSupplier condition) {
        try {
            Await.until(what, Duration.ofSeconds(10), condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; channels: " + node.pbx.channels(), e);
        }
    }

    private static boolean bridgedWithEachOther(TestNode node, String one, String two) {
        return node.pbx.channels().stream().filter(c -> c.name().startsWith(one) && c.name().endsWith(";1") && c.bridgeId() != null
            && !c.bridgeId().isEmpty()).anyMatch(a -> node.pbx.channels().stream()
            .anyMatch(b -> b.name().startsWith(two) && b.name().endsWith(";1") && a.bridgeId().equals(b.bridgeId())));
    }

    private static void awaitRows(TestNode node, String where, long rows) {
        Await.until(rows + " interactions where " + where, Duration.ofSeconds(10), () -> {
            try {
                return node.count("select count(*) from interactions where " + where) == rows;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

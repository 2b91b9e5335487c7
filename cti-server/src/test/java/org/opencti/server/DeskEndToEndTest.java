package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.SampleCustomers;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/**
 * The agent's desk end to end over TCP, through pbx-sim and PostgreSQL: logging in at a desk extension rings that phone,
 * a click on a customer's number connects agent and customer and is recorded, and a callback scheduled "to me" is
 * offered at its time.
 */
class DeskEndToEndTest {
    private static final String ALICE = SampleCustomers.FIRST_NUMBER;
    private TestNode node;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        node.close();
    }

    private long count(String query) {
        try {
            return node.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readyAt(String extension) throws Exception {
        JsonObject hello = ann.connect("2001", "demo", extension);
        assertThat(hello.getString("extension")).isEqualTo(extension);
        ann.send(new JsonObject().put("type", "ready"));
        ann.awaitState("READY");
    }

    @Test
    void anAgentLoggedInAtExtension2101IsRungThere() throws Exception {
        readyAt("2101");
        node.pbx.phone("2101").answerOnRelease();
        SimCall call = node.pbx.placeInboundCall("4045550100", "WIRELESS CALLER", "5551000");
        node.pbx.press(call, "1");
        ann.awaitType("callOffered");
        Await.until("desk phone 2101 rings", Duration.ofSeconds(10), () -> node.pbx.history().stream()
            .anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_RINGING && r.subject().equals("2101")));
        assertThat(node.pbx.history()).as("not the agent's own phone").noneMatch(r -> r.subject().equals("2001"));
        node.pbx.phone("2101").release();
        ann.awaitType("callConnected");
        Await.until("bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));
        node.pbx.hangup(call);
        ann.awaitType("callEnded");
        Await.until("the extension is remembered", Duration.ofSeconds(10),
            () -> count("select count(*) from agent_desk_defaults where agent_id = '2001' and extension = '2101'") == 1);
    }

    @Test
    void clickToDialRingsTheAgentThenTheCustomerAndRecordsTheCall() throws Exception {
        readyAt("2101");
        long alice = count("select id from customers where last_name = 'Moreno'");
        node.pbx.phone(ALICE).answerAfter(Duration.ofMillis(50));
        DesktopClient.Reply dial = ann.post("/api/v1/agent/dial", new JsonObject().put("customerId", alice).put("number", ALICE));
        assertThat(dial.status()).as(dial.body().encode()).isEqualTo(202);
        String callId = dial.body().getString("callId");
        assertThat(ann.awaitType("screenPop").json().getJsonObject("pop").getJsonObject("customer").getString("name"))
            .isEqualTo("Ms Alice Moreno");
        ann.await(f -> f.type().equals("callConnected") && callId.equals(f.json().getString("callId")));
        Await.until("the customer answered after the agent", Duration.ofSeconds(10), () -> node.pbx.history().stream()
            .anyMatch(r -> r.kind() == SimRecord.Kind.CUSTOMER_ANSWERED && r.subject().equals(ALICE)));
        assertThat(node.centre.acd().status("2001").toCompletableFuture().get().orElseThrow().state().name()).isEqualTo("ON_CALL");

        node.pbx.customerHangsUp(ALICE);
        ann.await(f -> f.type().equals("callEnded") && callId.equals(f.json().getString("callId")));
        ann.awaitState("WRAP_UP");
        Await.until("the call is in the history", Duration.ofSeconds(10), () -> count("select count(*) from interactions"
            + " where channel = 'outbound' and agent_id = '2001' and outcome = 'answered' and customer_id = " + alice
            + " and caller_number = '" + ALICE + "'") == 1);
        ann.awaitState("READY");

        node.pbx.phone(ALICE).busy();
        assertThat(ann.post("/api/v1/agent/dial", new JsonObject().put("customerId", alice).put("number", ALICE)).status())
            .isEqualTo(202);
        assertThat(ann.awaitType("callEnded").json().getString("outcome")).isEqualTo("customer busy");
        Await.until("the busy attempt is recorded too", Duration.ofSeconds(10),
            () -> count("select count(*) from interactions where channel = 'outbound' and outcome = 'busy'") == 1);
    }

    @Test
    void aCallbackScheduledToMeIsOfferedAtItsTimeAndMade() throws Exception {
        readyAt("2101");
        Instant due = Instant.now().plusSeconds(3);
        DesktopClient.Reply made = ann.post("/api/v1/callbacks", new JsonObject().put("number", "(404) 555-0100")
            .put("dueAt", due.toString()).put("note", "wants the new tariff"));
        assertThat(made.status()).as(made.body().encode()).isEqualTo(201);
        String id = made.body().getString("id");
        ann.awaitType("callbacks");
        assertThat(ann.get("/api/v1/callbacks").body().getJsonArray("callbacks")).hasSize(1);
        assertThat(count("select count(*) from scheduled_callbacks where status = 'pending'")).isEqualTo(1);

        DesktopClient.Frame offered = ann.await(f -> f.type().equals("callOffered") && ("cb-" + id).equals(f.json().getString("callId")));
        assertThat(offered.receivedAt()).as("not before its time").isAfterOrEqualTo(due);
        assertThat(ann.awaitType("screenPop").json().getJsonObject("callData").getString("CTI_CALLBACK_NOTE"))
            .isEqualTo("wants the new tariff");
        ann.await(f -> f.type().equals("callConnected") && ("cb-" + id).equals(f.json().getString("callId")));
        Await.until("the callback is done", Duration.ofSeconds(10),
            () -> count("select count(*) from scheduled_callbacks where status = 'done'") == 1);
        node.pbx.customerHangsUp("+14045550100");
        ann.awaitState("WRAP_UP");
        assertThat(ann.get("/api/v1/callbacks").body().getJsonArray("callbacks")).isEmpty();
    }
}

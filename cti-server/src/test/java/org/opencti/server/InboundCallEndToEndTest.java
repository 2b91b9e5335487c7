package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/**
 * The foundation's promise, end to end over TCP: a caller goes through the IVR into the queue, the agent's
 * desktop shows who is calling (looked up in PostgreSQL) before the agent's phone is answered, the call is
 * bridged, and when it ends the interaction is written once.
 */
class InboundCallEndToEndTest {
    private TestNode node;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
        JsonObject hello = ann.connect("2001", "demo");
        assertThat(hello.getString("state")).isEqualTo("NOT_READY");
        ann.send(new JsonObject().put("type", "ready"));
        ann.awaitState("READY");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        node.close();
    }

    @Test
    void aKnownCallerIsPoppedOnTheDesktopBeforeTheAgentAnswers() throws Exception {
        node.pbx.phone("2001").answerOnRelease();
        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "1");

        JsonObject offered = ann.awaitType("callOffered").json();
        assertThat(offered.getString("queue")).as("the IVR choice 1 routes to billing").isEqualTo("billing");
        DesktopClient.Frame pop = ann.awaitType("screenPop");
        JsonObject customer = pop.json().getJsonObject("pop").getJsonObject("customer");
        assertThat(pop.json().getJsonObject("pop").getString("outcome")).isEqualTo("FOUND");
        assertThat(pop.json().getJsonObject("pop").getString("e164")).isEqualTo("+12025550143");
        assertThat(customer.getString("name")).isEqualTo("Ms Alice Moreno");
        assertThat(customer.getString("tier")).isEqualTo("Gold");
        assertThat(node.pbx.history()).extracting(SimRecord::kind).doesNotContain(SimRecord.Kind.AGENT_ANSWERED);

        Await.until("the agent's phone rings", Duration.ofSeconds(10),
            () -> node.pbx.history().stream().anyMatch(r -> r.kind() == SimRecord.Kind.AGENT_RINGING));
        node.pbx.phone("2001").release();
        ann.awaitType("callConnected");
        Instant answered = node.pbx.history().stream().filter(r -> r.kind() == SimRecord.Kind.AGENT_ANSWERED)
            .findFirst().orElseThrow().at();
        assertThat(pop.receivedAt()).isBefore(answered);
        Await.until("caller and agent bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));
        assertThat(node.centre.acd().status("2001").toCompletableFuture().get().orElseThrow().state())
            .isEqualTo(AgentState.ON_CALL);

        node.pbx.hangup(call);
        ann.awaitType("callEnded");
        ann.awaitState("WRAP_UP");
        ann.awaitState("READY");
        Await.until("the interaction is written", Duration.ofSeconds(10), () -> count("select count(*) from interactions") == 1);
        assertThat(count("select count(*) from interactions i join customers c on c.id = i.customer_id"
            + " where c.last_name = 'Moreno' and i.agent_id = '2001' and i.queue = 'billing'")).isEqualTo(1);
        assertThat(node.pbx.channels()).as("nothing left up on the PBX").isEmpty();
        String callId = offered.getString("callId");
        Await.until("queue_log has the call's story", Duration.ofSeconds(10), () -> count("select count(*) from queue_log where callid = '"
            + callId + "' and event in ('ENTERQUEUE', 'CONNECT', 'COMPLETECALLER')") == 3);
        assertThat(count("select count(*) from queue_log where agent = '2001' and event = 'ADDMEMBER' and queuename = 'billing'"))
            .isEqualTo(1);
    }

    @Test
    void anUnknownCallerStillReachesTheAgentWithAnUnknownCallerPop() throws Exception {
        SimCall call = node.pbx.placeInboundCall("4045550100", "WIRELESS CALLER", "5551000");
        node.pbx.press(call, "2");
        JsonObject pop = ann.awaitType("screenPop").json().getJsonObject("pop");
        assertThat(pop.getString("outcome")).isEqualTo("UNKNOWN_CALLER");
        assertThat(pop.getString("e164")).isEqualTo("+14045550100");
        assertThat(pop.containsKey("customer")).isFalse();
        ann.awaitType("callConnected");
        node.pbx.hangup(call);
        ann.awaitType("callEnded");
    }

    private long count(String query) {
        try {
            return node.count(query);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

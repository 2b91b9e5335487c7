package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.pbxsim.SimCall;

/**
 * The CTI server restarts (one node, Redis and PostgreSQL): what it had in memory is gone, and it is rebuilt from Redis
 * (agents' states, the calls it followed) and Asterisk (which channels live): the conversation in progress goes on and is
 * written once when it ends, the waiting caller keeps their place and is answered, the agents are where they were.
 */
class NodeRestartTest {
    private TwoNodes nodes;
    private DesktopClient ann;
    private DesktopClient bo;

    @AfterEach
    void stop() throws Exception {
        if (ann != null) {
            ann.close();
        }
        if (bo != null) {
            bo.close();
        }
        nodes.close();
    }

    @Test
    void aRestartedNodeRebuildsItsCallsAndAgentsFromRedisAndAsterisk() throws Exception {
        nodes = new TwoNodes();
        TwoNodes.Node first = nodes.start("a", 2);
        Await.until("the node holds the floor", Duration.ofSeconds(20), () -> first.centre().holdsFloor());
        nodes.pbx.routeIvrTo("127.0.0.1", first.centre().fastAgiPort());
        ann = TwoNodes.ready(first, "2001");
        bo = TwoNodes.ready(first, "2002");
        SimCall talking = nodes.call("2025550143", "1");
        ann.awaitType("callConnected");
        bo.send(new JsonObject().put("type", "notReady").put("reason", "lunch"));
        bo.awaitState("NOT_READY");
        SimCall waiting = nodes.call("2025550188", "1");
        Await.until("the second caller waits", Duration.ofSeconds(10),
            () -> first.centre().acd().waitingCalls().toCompletableFuture().join().size() == 1);
        Await.until("Ann's call is bridged", Duration.ofSeconds(10), () -> nodes.pbx.isBridged(talking));

        nodes.crash(first);
        ann.close();
        bo.close();
        TwoNodes.Node again = nodes.start("a", 2); // the same node id: its own lease may still be there
        Await.until("the restarted node holds the floor", Duration.ofSeconds(20), () -> again.centre().holdsFloor());
        nodes.pbx.routeIvrTo("127.0.0.1", again.centre().fastAgiPort());

        ann = new DesktopClient(again.httpPort());
        assertThat(ann.connect("2001", "demo").getString("state")).isEqualTo("ON_CALL");
        bo = new DesktopClient(again.httpPort());
        JsonObject boHello = bo.connect("2002", "demo");
        assertThat(boHello.getString("state")).isEqualTo("NOT_READY");
        assertThat(boHello.getString("reason")).isEqualTo("lunch");
        assertThat(again.centre().acd().waitingCalls().toCompletableFuture().join()).as("the waiting caller is back in line")
            .singleElement().satisfies(w -> assertThat(w.queue()).isEqualTo("billing"));
        assertThat(nodes.pbx.isBridged(talking)).as("the conversation went on through the restart").isTrue();

        nodes.pbx.hangup(talking);
        ann.awaitType("callEnded");
        ann.awaitType("callOffered");
        Await.until("Ann takes the waiting caller", Duration.ofSeconds(15), () -> nodes.pbx.isBridged(waiting));
        nodes.pbx.hangup(waiting);
        Await.until("both calls written", Duration.ofSeconds(15), () -> nodes.rows("2025550143") == 1 && nodes.rows("2025550188") == 1);
        assertThat(nodes.count("select count(*) from interactions")).as("each once").isEqualTo(2);
    }

}

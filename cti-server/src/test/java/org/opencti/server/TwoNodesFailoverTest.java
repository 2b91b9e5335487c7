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

/**
 * Two nodes over one Redis, one PostgreSQL and one pbx-sim; the node holding the floor dies mid-call. The other takes the
 * floor within the lease, adopts the conversations in progress (their hangups write their history once and wrap their
 * agents up), keeps the waiting caller's place, and routes on: no caller is dropped, no call is written twice, no agent
 * has two calls.
 */
class TwoNodesFailoverTest {
    private static final int LEASE_SECONDS = 2;
    private TwoNodes nodes;
    private TwoNodes.Node a;
    private TwoNodes.Node b;
    private DesktopClient ann;
    private DesktopClient bo;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodes();
        a = nodes.start("a", LEASE_SECONDS);
        Await.until("node a holds the floor", Duration.ofSeconds(20), () -> a.centre().holdsFloor());
        b = nodes.start("b", LEASE_SECONDS);
        nodes.pbx.routeIvrTo("127.0.0.1", b.centre().fastAgiPort());
        ann = TwoNodes.ready(a, "2001");
        // Bo's desktop is on the standby: his commands are forwarded to the holder, his pops relayed to him
        bo = TwoNodes.ready(b, "2002");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        bo.close();
        nodes.close();
    }

    @Test
    void theHolderDiesMidCallAndTheOtherNodeCarriesEveryCallToItsEnd() throws Exception {
        assertThat(b.centre().holdsFloor()).as("one holder at a time").isFalse();
        SimCall billing = nodes.call("2025550143", "1");
        ann.awaitType("callConnected");
        SimCall support = nodes.call("2025550177", "2");
        bo.awaitType("callConnected");
        SimCall waiting = nodes.call("2025550188", "2");
        Await.until("the third caller waits on node a", Duration.ofSeconds(10),
            () -> size(a.centre().acd().waitingCalls().toCompletableFuture().join()) == 1);
        Await.until("both conversations bridged", Duration.ofSeconds(10),
            () -> nodes.pbx.isBridged(billing) && nodes.pbx.isBridged(support));

        Instant died = Instant.now();
        nodes.crash(a);
        Await.until("node b holds the floor", Duration.ofSeconds(20), () -> b.centre().holdsFloor());
        Duration failover = Duration.between(died, Instant.now());
        assertThat(failover).as("within the lease and a renewal or two").isLessThan(Duration.ofSeconds(LEASE_SECONDS + 3));
        assertThat(b.centre().acd().waitingCalls().toCompletableFuture().join()).as("the waiting caller kept their place")
            .singleElement().satisfies(w -> assertThat(w.queue()).isEqualTo("support"));
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(state("2002")).isEqualTo(AgentState.ON_CALL);
        assertThat(nodes.pbx.isBridged(billing) && nodes.pbx.isBridged(support)).as("nobody was cut off").isTrue();

        // Ann's page lost node a with it: it reconnects to node b, where the floor now is
        ann.close();
        ann = new DesktopClient(b.httpPort());
        assertThat(ann.connect("2001", "demo").getString("state")).as("her state survived the node").isEqualTo("ON_CALL");
        nodes.pbx.hangup(billing);
        ann.awaitType("callEnded");
        Await.until("Ann's call is written by node b", Duration.ofSeconds(10), () -> nodes.rows("2025550143") == 1);
        JsonObject offer = ann.awaitType("callOffered").json();
        assertThat(offer.getString("queue")).as("the waiting caller, offered with a pop after the wrap-up").isEqualTo("support");
        ann.awaitType("screenPop");
        Await.until("Ann takes the waiting caller", Duration.ofSeconds(15), () -> nodes.pbx.isBridged(waiting));
        nodes.pbx.hangup(support);
        nodes.pbx.hangup(waiting);
        Await.until("every call written", Duration.ofSeconds(15),
            () -> nodes.rows("2025550177") == 1 && nodes.rows("2025550188") == 1);
        Await.until("nothing left up on the PBX", Duration.ofSeconds(10), () -> nodes.pbx.channels().isEmpty());

        assertThat(nodes.count("select count(*) from interactions")).as("each call once").isEqualTo(3);
        assertThat(nodes.count("select count(*) from interactions where outcome = 'answered'")).isEqualTo(3);
        assertThat(nodes.count("select count(*) from interactions where caller_number like '%2025550143' and agent_id = '2001'"))
            .isEqualTo(1);
        assertThat(nodes.count("select count(*) from interactions where caller_number like '%2025550188' and agent_id = '2001'"))
            .as("the waiting caller went to the first agent free").isEqualTo(1);
        assertThat(nodes.count("select count(*) from (select agent_id, answered_at, lag(ended_at) over (partition by agent_id"
            + " order by answered_at) as previous_end from interactions) t where previous_end > answered_at"))
            .as("no agent on two calls at once").isZero();
        assertThat(b.metrics().get("cti.ami.events.dropped").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    private AgentState state(String agent) {
        return b.centre().acd().status(agent).toCompletableFuture().join().orElseThrow().state();
    }

    private static int size(java.util.List<?> list) {
        return list.size();
    }
}

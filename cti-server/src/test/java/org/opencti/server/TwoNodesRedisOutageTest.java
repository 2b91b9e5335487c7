package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.redis.RedisAgentStateStore;
import org.opencti.core.adapter.redis.RedisFloor;
import org.opencti.core.adapter.redis.RedisLink;
import org.opencti.core.adapter.redis.RedisLiveCallStore;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCall;
import org.opencti.pbxsim.SimCall;

/**
 * Redis restarts empty under two nodes (through {@link TwoNodes#proxied()}), for longer than the floor lease. Nobody can
 * reach it, so nobody can take the floor: the holder routes on (a caller who rings meanwhile is offered, answered and
 * bridged) and the standby stays one. When Redis is back without the lease, the holder claims the floor again under a new
 * tenure and writes the agents' states, its live calls and the bookings back; calls are written once, no agent had two at
 * once, and a crash of the holder afterwards still fails over to the other node with the conversation in progress.
 */
class TwoNodesRedisOutageTest {
    private static final int LEASE_SECONDS = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private TwoNodes nodes;
    private TwoNodes.Node a;
    private TwoNodes.Node b;
    private DesktopClient ann;
    private DesktopClient bo;
    private RedisLink link;

    @BeforeEach
    void start() throws Exception {
        nodes = TwoNodes.proxied();
        a = nodes.start("a", LEASE_SECONDS);
        Await.until("node a holds the floor", Duration.ofSeconds(20), () -> a.centre().holdsFloor());
        b = nodes.start("b", LEASE_SECONDS);
        nodes.pbx.routeIvrTo("127.0.0.1", b.centre().fastAgiPort());
        ann = TwoNodes.ready(a, "2001");
        bo = TwoNodes.ready(b, "2002");
        // the test's own look at Redis, not through the proxy
        link = new RedisLink(TwoNodes.REDIS_URI, nodes.keyPrefix);
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        bo.close();
        link.close();
        nodes.close();
    }

    @Test
    void theHolderRoutesThroughARedisRestartAndWritesTheFloorBackAfterIt() throws Exception {
        SimCall billing = nodes.call("2025550143", "1");
        ann.awaitType("callConnected");
        Await.until("Ann's call bridged", Duration.ofSeconds(10), () -> nodes.pbx.isBridged(billing));
        long epochBefore = new RedisFloor(link).holder().orElseThrow().epoch();

        SimCall[] during = new SimCall[1];
        Instant cut = Instant.now();
        nodes.redisRestartsEmpty(() -> {
            // rings while nobody can reach Redis: Bo (the only free support agent) takes it through node a
            during[0] = nodes.call("2025550177", "2");
            Await.until("the caller who rang during the outage is bridged", Duration.ofSeconds(20),
                () -> nodes.pbx.isBridged(during[0]));
            assertThat(statusOn(a, "2002").state()).isEqualTo(AgentState.ON_CALL);
            nodes.pbx.hangup(billing);
            Await.until("Ann's call written during the outage", Duration.ofSeconds(15), () -> nodes.rows("2025550143") == 1);
            // the outage outlasts the lease more than twice: the standby must not take the floor meanwhile
            Await.until("the outage lasted " + OUTAGE.toSeconds() + " s", OUTAGE.plusSeconds(30), () -> {
                assertThat(b.centre().holdsFloor()).as("node b cannot reach Redis either: it stays a standby").isFalse();
                assertThat(a.centre().holdsFloor()).as("the holder keeps routing").isTrue();
                return Duration.between(cut, Instant.now()).compareTo(OUTAGE) >= 0;
            });
        });
        SimCall support = during[0];

        Await.until("node a holds the floor again in Redis", Duration.ofSeconds(20),
            () -> holder().map(t -> t.nodeId().equals("a")).orElse(false));
        assertThat(b.centre().holdsFloor()).isFalse();
        assertThat(a.centre().holdsFloor()).isTrue();
        assertThat(holder().orElseThrow().epoch()).as("a new tenure, never an epoch already used").isGreaterThan(epochBefore);
        RedisAgentStateStore states = new RedisAgentStateStore(TwoNodes.REDIS_URI, nodes.keyPrefix);
        try {
            Await.until("the agents' states written back", Duration.ofSeconds(15), () -> {
                Map<String, AgentStatus> all = states.all();
                return all.containsKey("2001") && all.get("2002") != null && all.get("2002").state() == AgentState.ON_CALL;
            });
        } finally {
            states.close();
        }
        String supportCallId = statusOn(a, "2002").callId();
        Await.until("Bo's conversation written back as a live call", Duration.ofSeconds(15),
            () -> new RedisLiveCallStore(link).all().stream().map(LiveCall::callId).anyMatch(supportCallId::equals));
        Await.until("Bo's booking written back", Duration.ofSeconds(15),
            () -> ("call:" + supportCallId).equals(new RedisFloor(link).all().get("2002")));

        // a caller after the outage; then the holder dies mid-call and node b carries both conversations to their end
        ann.awaitType("callEnded");
        SimCall after = nodes.call("2025550188", "2");
        Await.until("Ann takes the caller after the outage", Duration.ofSeconds(20), () -> nodes.pbx.isBridged(after));
        nodes.crash(a);
        Await.until("node b holds the floor", Duration.ofSeconds(20), () -> b.centre().holdsFloor());
        assertThat(statusOn(b, "2001").state()).as("Ann's conversation adopted").isEqualTo(AgentState.ON_CALL);
        assertThat(statusOn(b, "2002").state()).as("Bo's conversation, from the outage, adopted").isEqualTo(AgentState.ON_CALL);
        nodes.pbx.hangup(support);
        nodes.pbx.hangup(after);
        Await.until("every call written", Duration.ofSeconds(15), () -> nodes.rows("2025550177") == 1 && nodes.rows("2025550188") == 1);
        Await.until("nothing left up on the PBX", Duration.ofSeconds(10), () -> nodes.pbx.channels().isEmpty());

        assertThat(nodes.count("select count(*) from interactions")).as("each call once").isEqualTo(3);
        assertThat(nodes.count("select count(*) from interactions where outcome = 'answered'")).isEqualTo(3);
        assertThat(nodes.count("select count(*) from interactions where caller_number like '%2025550177' and agent_id = '2002'"))
            .isEqualTo(1);
        assertThat(nodes.count("select count(*) from (select agent_id, answered_at, lag(ended_at) over (partition by agent_id"
            + " order by answered_at) as previous_end from interactions) t where previous_end > answered_at"))
            .as("no agent on two calls at once").isZero();
    }

    private Optional<FloorLease.Tenure> holder() {
        return new RedisFloor(link).holder();
    }

    private static AgentStatus statusOn(TwoNodes.Node node, String agent) {
        return node.centre().acd().status(agent).toCompletableFuture().join().orElseThrow();
    }

}

package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.pbxsim.SimCall;

/**
 * PostgreSQL restarts under two nodes (through {@link TwoNodes#proxied()}) while calls end on the holder and another rings:
 * calls are routed and answered as usual (the pop degrades to the number), the history and the queue_log wait in their
 * writers and, once the database is back, every call is written exactly once and its queue_log story in order.
 */
class TwoNodesPostgresOutageTest {
    private static final int LEASE_SECONDS = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final String ANN_CALLER = "2025550143";
    private static final String BO_CALLER = "2025550177";
    private static final String DURING = "2025550188";
    private TwoNodes nodes;
    private TwoNodes.Node a;
    private TwoNodes.Node b;
    private DesktopClient ann;
    private DesktopClient bo;

    @BeforeEach
    void start() throws Exception {
        nodes = TwoNodes.proxied();
        a = nodes.start("a", LEASE_SECONDS);
        Await.until("node a holds the floor", Duration.ofSeconds(20), () -> a.centre().holdsFloor());
        b = nodes.start("b", LEASE_SECONDS);
        nodes.pbx.routeIvrTo("127.0.0.1", b.centre().fastAgiPort());
        ann = TwoNodes.ready(a, "2001");
        bo = TwoNodes.ready(b, "2002");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        bo.close();
        nodes.close();
    }

    @Test
    void callsGoOnThroughAPostgresRestartAndTheirHistoryIsWrittenOnceInOrderAfterIt() throws Exception {
        SimCall billing = nodes.call(ANN_CALLER, "1");
        ann.awaitType("callConnected");
        SimCall support = nodes.call(BO_CALLER, "2");
        bo.awaitType("callConnected");
        Await.until("both conversations bridged", Duration.ofSeconds(10),
            () -> nodes.pbx.isBridged(billing) && nodes.pbx.isBridged(support));
        Await.until("the queue_log has both callers' arrivals", Duration.ofSeconds(15),
            () -> enterQueues(ANN_CALLER) == 1 && enterQueues(BO_CALLER) == 1);

        Instant cut = Instant.now();
        nodes.postgresRestarts(() -> {
            nodes.pbx.hangup(billing);
            nodes.pbx.hangup(support);
            ann.awaitType("callEnded");
            bo.awaitType("callEnded");
            // a caller rings while the database is away: identified or not, they are queued, offered and answered
            SimCall during = nodes.call(DURING, "2");
            Await.until("the caller who rang during the outage is bridged", Duration.ofSeconds(20), () -> nodes.pbx.isBridged(during));
            nodes.pbx.hangup(during);
            Await.until("the outage lasted " + OUTAGE.toSeconds() + " s", OUTAGE.plusSeconds(30),
                () -> Duration.between(cut, Instant.now()).compareTo(OUTAGE) >= 0);
            assertThat(nodes.rows(ANN_CALLER) + nodes.rows(BO_CALLER) + nodes.rows(DURING)).as("nothing reached the database meanwhile")
                .isZero();
            assertThat(a.centre().holdsFloor()).isTrue();
            assertThat(pending(a, "cti.history.pending")).as("the holder's history waits for the database").isGreaterThanOrEqualTo(3);
            assertThat(pending(a, "cti.queuelog.pending")).as("so does its queue_log").isPositive();
        });

        Await.until("every call written once the database is back", Duration.ofSeconds(30),
            () -> nodes.rows(ANN_CALLER) == 1 && nodes.rows(BO_CALLER) == 1 && nodes.rows(DURING) == 1);
        Await.until("every queue_log story complete", Duration.ofSeconds(30),
            () -> story(ANN_CALLER) != null && story(ANN_CALLER).startsWith("ENTERQUEUE,CONNECT,COMPLETE")
                && story(BO_CALLER) != null && story(BO_CALLER).startsWith("ENTERQUEUE,CONNECT,COMPLETE")
                && story(DURING) != null && story(DURING).startsWith("ENTERQUEUE,CONNECT,COMPLETE"));
        Await.until("nothing left up on the PBX", Duration.ofSeconds(10), () -> nodes.pbx.channels().isEmpty());
        Await.until("the writers' buffers empty", Duration.ofSeconds(10),
            () -> pending(a, "cti.history.pending") == 0 && pending(a, "cti.queuelog.pending") == 0);

        assertThat(nodes.count("select count(*) from interactions")).as("each call once").isEqualTo(3);
        assertThat(nodes.count("select count(*) from interactions where outcome = 'answered'")).isEqualTo(3);
        for (String caller : new String[] {ANN_CALLER, BO_CALLER, DURING}) {
            assertThat(story(caller)).as("caller %s: each queue_log row once, in the order logged", caller)
                .matches("ENTERQUEUE,CONNECT,COMPLETE(AGENT|CALLER)");
        }
        assertThat(nodes.count("select count(*) from queue_log group by entry_key order by count(*) desc limit 1")).isEqualTo(1);
        assertThat(nodes.count("select count(*) from (select agent_id, answered_at, lag(ended_at) over (partition by agent_id"
            + " order by answered_at) as previous_end from interactions) t where previous_end > answered_at"))
            .as("no agent on two calls at once").isZero();
        assertThat(a.metrics().get("cti.ami.events.dropped").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    private static double pending(TwoNodes.Node node, String gauge) {
        return node.metrics().get(gauge).gauge().value();
    }

    private long enterQueues(String number) {
        try {
            return nodes.count("select count(*) from queue_log where event = 'ENTERQUEUE' and data2 like '%" + number + "%'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's call's queue_log events in the order they were inserted, comma separated. */
    private String story(String number) {
        try {
            return nodes.text("select string_agg(event, ',' order by id) from queue_log where event in"
                + " ('ENTERQUEUE', 'CONNECT', 'COMPLETEAGENT', 'COMPLETECALLER') and callid in (select callid from queue_log"
                + " where event = 'ENTERQUEUE' and data2 like '%" + number + "%')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.PbxEvent;
import org.opencti.pbxsim.PbxSimulator;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/**
 * One node, two Asterisk boxes (two pbx-sims on two AMI ports) over real TCP: callers on both are routed to agents
 * homed on either box (an agent leg is originated on the caller's box and reaches a phone on the other box through the
 * trunk the config names), the one FastAGI listener tells the boxes' IVR sessions apart, and a restart of one box ends
 * only that box's call while the other box's call stays connected.
 */
@Timeout(120)
class TwoBoxesEndToEndTest {
    private PbxSimulator boxA;
    private PbxSimulator boxB;
    private ContactCentre node;
    private final List<PbxEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        boxA = sim();
        boxB = sim();
        String yaml = """
            defaultQueue: support
            skills: [{name: support}]
            queues:
              - {name: support, skills: [{skill: support, minLevel: 1}], wrapUpSeconds: 1, ringTimeoutSeconds: 15}
            agents:
              - {id: "2001", name: Ann Lee, phone: Local/2001@agents, box: a, skills: {support: 5}, passwordHash: "HASH"}
              - {id: "2002", name: Bo Chen, phone: Local/2002@agents, box: b, skills: {support: 5}, passwordHash: "HASH"}
            asterisk:
              fastAgi: {bindHost: 127.0.0.1, port: 0}
              boxes:
                - name: a
                  ami: {host: 127.0.0.1, port: PORT_A, username: cti, pingIntervalSeconds: 1, pingTimeoutSeconds: 1}
                  fastAgiAddress: 127.0.0.1
                  dialFromOtherBoxes: "PJSIP/{extension}@trunk-to-{box}"
                - name: b
                  ami: {host: 127.0.0.1, port: PORT_B, username: cti, pingIntervalSeconds: 1, pingTimeoutSeconds: 1, hintContext: phones-b}
                  fastAgiAddress: localhost
                  dialFromOtherBoxes: "PJSIP/{extension}@trunk-to-{box}"
            http: {bindHost: 127.0.0.1, port: 0}
            """.replace("HASH", TestNode.DEMO_HASH).replace("PORT_A", Integer.toString(boxA.amiPort()))
            .replace("PORT_B", Integer.toString(boxB.amiPort()));
        // One secret for both boxes, as CTI_AMI_SECRET gives it to every box without one in the file.
        ContactCentreConfig config = ConfigLoader.parse(yaml, "two-boxes.yaml", Map.of("CTI_AMI_SECRET", "e2e-secret"));
        node = new ContactCentre(config, Stores.inMemory(), Clock.systemUTC());
        node.pbx().addListener(events::add);
        node.start();
        // Each box's dialplan names this node its own way, which is how the node tells their IVR sessions apart.
        boxA.routeIvrTo("127.0.0.1", node.fastAgiPort());
        boxB.routeIvrTo("localhost", node.fastAgiPort());
        Await.until("both boxes linked and resynced", Duration.ofSeconds(20), () -> resyncs("a") > 0 && resyncs("b") > 0);
        for (String agent : List.of("2001", "2002")) {
            node.acd().login(agent).toCompletableFuture().get();
            node.acd().ready(agent).toCompletableFuture().get();
        }
    }

    private static PbxSimulator sim() {
        return new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "e2e-secret", null, 0, Clock.systemUTC())
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(20))).start();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        boxA.close();
        boxB.close();
    }

    private long resyncs(String box) {
        return events.stream().filter(e -> e instanceof PbxEvent.ChannelsResynced r && box.equals(r.box())).count();
    }

    private AgentState state(String agent) {
        return node.acd().status(agent).toCompletableFuture().join().orElseThrow().state();
    }

    private SimCall callThroughTheIvr(PbxSimulator box, String number) {
        SimCall call = box.placeInboundCall(number, "CALLER", "5551000");
        box.press(call, "2");
        return call;
    }

    /** The dial strings of the box's originates other than the callers it placed itself. */
    private static List<String> agentLegsDialled(PbxSimulator box) {
        return box.history().stream().filter(r -> r.kind() == SimRecord.Kind.ORIGINATED && !r.detail().startsWith("Local/555"))
            .map(SimRecord::detail).toList();
    }

    private double meter(String name, String box) {
        return node.metrics().get(name).tag("box", box).counter().count();
    }

    @Test
    void eachBoxAsksForPhoneStatesInItsOwnHintContext() {
        assertThat(node.pbx().link("a").hintContext()).isEqualTo("agents");
        assertThat(node.pbx().link("b").hintContext()).isEqualTo("phones-b");
    }

    @Test
    void callsOnBothBoxesReachAgentsOnEitherAndARestartOfOneBoxEndsOnlyItsCall() throws Exception {
        // Ann (box a) has been idle longest: box b's caller is hers, rung on box b through its trunk to box a.
        SimCall onB = callThroughTheIvr(boxB, "2025550143");
        Await.until("box b's caller bridged with Ann", Duration.ofSeconds(20), () -> boxB.isBridged(onB));
        SimCall onA = callThroughTheIvr(boxA, "4155550199");
        Await.until("box a's caller bridged with Bo", Duration.ofSeconds(20), () -> boxA.isBridged(onA));

        // What each box was asked to dial for the agent leg: the other box's phone, through the trunk to it.
        assertThat(agentLegsDialled(boxB)).as("Ann's phone, over box b's trunk to box a").containsExactly("PJSIP/2001@trunk-to-a");
        assertThat(agentLegsDialled(boxA)).containsExactly("PJSIP/2002@trunk-to-b");
        assertThat(state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(state("2002")).isEqualTo(AgentState.ON_CALL);
        assertThat(node.acd().liveCallCount().toCompletableFuture().get()).isEqualTo(2);
        assertThat(meter("cti.ivr.agi.sessions.by.box", "a")).isEqualTo(1);
        assertThat(meter("cti.ivr.agi.sessions.by.box", "b")).isEqualTo(1);

        long resyncsOfB = resyncs("b");
        boxB.restart();
        Await.until("box b back and resynced", Duration.ofSeconds(30), () -> resyncs("b") > resyncsOfB);
        assertThat(events).filteredOn(e -> e instanceof PbxEvent.ChannelsResynced r && "b".equals(r.box())).last()
            .satisfies(e -> assertThat(((PbxEvent.ChannelsResynced) e).pbxRestarted()).isTrue());
        Await.until("Ann's call on box b is closed", Duration.ofSeconds(10), () -> state("2001") != AgentState.ON_CALL);

        assertThat(state("2002")).as("Bo's caller is on box a, which did not restart").isEqualTo(AgentState.ON_CALL);
        assertThat(boxA.isBridged(onA)).isTrue();
        assertThat(node.acd().liveCallCount().toCompletableFuture().get()).isEqualTo(1);
        assertThat(resyncs("a")).as("box a was never resynced again").isEqualTo(1);
        assertThat(meter("cti.ami.reconnects", "b")).isEqualTo(1);
        assertThat(meter("cti.ami.reconnects", "a")).isZero();
        assertThat(node.metrics().get("cti.ami.queue.depth").gauges()).hasSize(2);
        assertThat(node.metrics().scrape()).contains("cti_ami_queue_depth{box=\"a\"}", "cti_ami_queue_depth{box=\"b\"}");

        // Box b takes calls again: Ann, ready after her wrap-up, gets the next one.
        Await.until("Ann ready after wrap-up", Duration.ofSeconds(10), () -> state("2001") == AgentState.READY);
        SimCall again = callThroughTheIvr(boxB, "3125550122");
        Await.until("box b's new caller bridged", Duration.ofSeconds(20), () -> boxB.isBridged(again));
        assertThat(boxA.isBridged(onA)).isTrue();
    }
}

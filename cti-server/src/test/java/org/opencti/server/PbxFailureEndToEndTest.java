package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.event.PbxEvent;
import org.opencti.pbxsim.SimCall;

/**
 * What happens to live calls when the AMI link drops mid-call, and when Asterisk restarts: the node
 * reconnects by itself, resyncs from CoreShowChannels, and ends up believing what the PBX has.
 */
class PbxFailureEndToEndTest {
    private TestNode node;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
        ann.connect("2001", "demo");
        ann.send(new JsonObject().put("type", "ready"));
        ann.awaitState("READY");
    }

    @AfterEach
    void stop() throws Exception {
        ann.close();
        node.close();
    }

    private SimCall connectedCall(String number) throws Exception {
        SimCall call = node.pbx.placeInboundCall(number, "CALLER", "5551000");
        node.pbx.press(call, "1");
        ann.awaitType("callConnected");
        Await.until("caller and agent bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));
        return call;
    }

    private AgentState annState() {
        return node.centre.acd().status("2001").toCompletableFuture().join().orElseThrow().state();
    }

    @Test
    void aDroppedAmiLinkIsReconnectedAndTheCallStaysWithItsAgent() throws Exception {
        SimCall call = connectedCall("2025550143");
        long resyncs = node.resyncCount();

        node.pbx.dropAmiConnections();
        Await.until("the node notices and reconnects", Duration.ofSeconds(20),
            () -> node.resyncCount() > resyncs && node.centre.pbx().isConnected());

        assertThat(node.centre.pbx().reconnectCount()).isEqualTo(1);
        assertThat(node.pbxEvents).filteredOn(e -> e instanceof PbxEvent.ChannelsResynced).last()
            .satisfies(e -> assertThat(((PbxEvent.ChannelsResynced) e).pbxRestarted()).isFalse());
        assertThat(annState()).as("still talking: the call outlived the link").isEqualTo(AgentState.ON_CALL);
        assertThat(node.centre.acd().liveCallCount().toCompletableFuture().get()).isEqualTo(1);
        assertThat(node.pbx.isBridged(call)).isTrue();

        node.pbx.hangup(call);
        ann.awaitType("callEnded");
        ann.awaitState("WRAP_UP");
        Await.until("history written once", Duration.ofSeconds(10), () -> count() == 1);
    }

    @Test
    void hangupsDuringTheOutageAreFoundByTheResync() throws Exception {
        SimCall call = connectedCall("3125550122");
        long resyncs = node.resyncCount();
        node.pbx.pauseEvents();
        node.pbx.dropAmiConnections();
        // The caller hangs up while nobody is listening: its Hangup events are held back, so only the resync
        // (CoreShowChannels no longer lists the call) can tell the node.
        node.pbx.hangup(call);
        Await.until("the PBX has cleared the call", Duration.ofSeconds(10), () -> node.pbx.channels().isEmpty());
        Await.until("reconnected and resynced", Duration.ofSeconds(20), () -> node.resyncCount() > resyncs);

        ann.awaitType("callEnded");
        Await.until("the agent is no longer on a call", Duration.ofSeconds(20), () -> annState() != AgentState.ON_CALL);
        assertThat(node.centre.acd().liveCallCount().toCompletableFuture().get()).isZero();
        ann.awaitState("READY");

        // The held events arrive late, after the resync: a replay the node must shrug off.
        node.pbx.resumeEvents();
        Await.until("history written", Duration.ofSeconds(10), () -> count() >= 1);
        SimCall next = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(next, "1");
        ann.awaitType("callConnected");
        assertThat(count()).as("the late hangup wrote nothing twice").isEqualTo(1);
    }

    @Test
    void anAsteriskRestartClosesEveryCallThatWasLiveAndRoutingCarriesOn() throws Exception {
        connectedCall("4155550199");
        long resyncs = node.resyncCount();

        node.pbx.restart();
        Await.until("reconnected to the restarted PBX", Duration.ofSeconds(20), () -> node.resyncCount() > resyncs);
        assertThat(node.pbxEvents).filteredOn(e -> e instanceof PbxEvent.ChannelsResynced).last()
            .satisfies(e -> assertThat(((PbxEvent.ChannelsResynced) e).pbxRestarted()).isTrue());
        ann.awaitType("callEnded");
        assertThat(node.centre.acd().liveCallCount().toCompletableFuture().get()).isZero();
        ann.awaitState("READY");

        SimCall next = node.pbx.placeInboundCall("5125550175", "KIM HANNAH", "5551000");
        node.pbx.press(next, "1");
        JsonObject pop = ann.awaitType("screenPop").json().getJsonObject("pop");
        assertThat(pop.getJsonObject("customer").getString("name")).isEqualTo("Ms Hannah Kim");
        ann.awaitType("callConnected");
    }

    @Test
    void afterAnAsteriskRestartAnAgentWhosePhoneDidNotComeBackIsNotReadySayingWhy() throws Exception {
        try (DesktopClient bo = new DesktopClient(node.httpPort())) {
            bo.connect("2002", "demo");
            bo.send(new JsonObject().put("type", "ready"));
            bo.awaitState("READY");
            node.pbx.phone("2002").unavailable();
            long resyncs = node.resyncCount();

            node.pbx.restart();
            Await.until("reconnected to the restarted PBX", Duration.ofSeconds(20), () -> node.resyncCount() > resyncs);

            JsonObject notReady = bo.awaitState("NOT_READY").json();
            assertThat(notReady.getString("reason")).as("the desktop says why").isEqualTo("phone unavailable");
            Await.until("both phones asked", Duration.ofSeconds(10), () -> node.pbx.actionCount("ExtensionState") >= 2);
            AgentStatus bob = node.centre.acd().status("2002").toCompletableFuture().get().orElseThrow();
            assertThat(bob.state()).isEqualTo(AgentState.NOT_READY);
            assertThat(bob.reason()).isEqualTo("phone unavailable");
            assertThat(annState()).as("Ann's phone is back").isEqualTo(AgentState.READY);
            assertThat(node.pbx.actionCount("ExtensionState")).as("each idle agent's phone, once").isEqualTo(2);
        }
    }

    private long count() {
        try {
            return node.count("select count(*) from interactions");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

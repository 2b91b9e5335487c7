package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.PbxEvent;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimChannel;
import org.opencti.pbxsim.SimSpy;

/**
 * A supervisor joins an agent's call over TCP, as in capture 05: caller 2025550143 reaches agent 2001 through
 * pbx-sim; supervisor 3001 (same team) listens through REST, which rings their own phone into ChanSpy on the agent's
 * leg; then whispers, then barges (each time the previous spy is hung up first); then hangs up their phone, and the
 * call goes on.
 */
class SupervisorSpyEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestNode node;
    private DesktopClient ann;
    private DesktopClient sam;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode();
        ann = new DesktopClient(node.httpPort());
        ann.connect("2001", "demo");
        ann.send(new JsonObject().put("type", "ready"));
        ann.awaitState("READY");
        sam = new DesktopClient(node.httpPort());
        sam.login("3001", "demo");
    }

    @AfterEach
    void stop() throws Exception {
        sam.close();
        ann.close();
        node.close();
    }

    private List<SimSpy> spies() {
        return node.pbx.spies();
    }

    @Test
    void supervisorListensWhispersAndBargesThroughChanSpyThenHangsUp() throws Exception {
        DesktopClient.Reply early = sam.post("/api/v1/agents/2001/listen");
        assertThat(early.status()).as("no call to listen to yet").isEqualTo(409);
        assertThat(early.body().getString("error")).isEqualTo("agent 2001 is not on a call (ready)");

        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "1");
        ann.awaitType("callConnected");
        Await.until("caller and agent bridged", WAIT, () -> node.pbx.isBridged(call));
        String agentLeg = node.pbx.channels().stream().filter(c -> c.bridged() && c.name().startsWith("Local/2001@agents-"))
            .map(SimChannel::name).findFirst().orElseThrow();

        DesktopClient.Reply listen = sam.post("/api/v1/agents/2001/listen");
        assertThat(listen.status()).as("%s", listen.body()).isEqualTo(200);
        assertThat(listen.body().getString("agentLegChannel")).isEqualTo(agentLeg);
        String listening = listen.body().getString("supervisorChannel");
        assertThat(listening).startsWith("Local/3001@agents-").endsWith(";1");
        Await.until("ChanSpy listens on the agent's leg", WAIT, () -> spies().equals(List.of(new SimSpy(listening, agentLeg, "qE"))));
        Await.until("the adapter reports the spy", WAIT, () -> node.pbxEvents.stream().anyMatch(e -> e instanceof PbxEvent.SpyStarted s
            && s.spyer().name().equals(listening) && s.spyee().name().equals(agentLeg)));
        assertThat(node.pbx.channel(listening).orElseThrow().application()).isEqualTo("ChanSpy");
        assertThat(node.pbx.channel(listening).orElseThrow().applicationData()).isEqualTo(agentLeg + ",qE");

        DesktopClient.Reply whisper = sam.post("/api/v1/agents/2001/whisper");
        assertThat(whisper.status()).as("%s", whisper.body()).isEqualTo(200);
        String whispering = whisper.body().getString("supervisorChannel");
        assertThat(whispering).isNotEqualTo(listening);
        Await.until("only the whisper is left", WAIT, () -> spies().equals(List.of(new SimSpy(whispering, agentLeg, "qEw"))));
        assertThat(node.pbx.channel(listening)).as("the listening phone was hung up first").isEmpty();

        DesktopClient.Reply barge = sam.post("/api/v1/agents/2001/barge");
        assertThat(barge.status()).as("%s", barge.body()).isEqualTo(200);
        String barging = barge.body().getString("supervisorChannel");
        Await.until("only the barge is left", WAIT, () -> spies().equals(List.of(new SimSpy(barging, agentLeg, "qEB"))));

        node.pbx.agentHangsUp("3001");
        Await.until("the spy ends with the supervisor's phone", WAIT, () -> spies().isEmpty()
            && node.pbx.channels().stream().noneMatch(c -> c.name().startsWith("Local/3001@agents")));
        Await.until("the adapter reports the end of the barge", WAIT, () -> node.pbxEvents.stream()
            .anyMatch(e -> e instanceof PbxEvent.SpyStopped s && s.spyer().name().equals(barging)));
        assertThat(node.pbxEvents.stream().filter(e -> e instanceof PbxEvent.SpyStarted).count()).isEqualTo(3);
        assertThat(node.pbx.isBridged(call)).as("the customer and the agent still talk").isTrue();
        assertThat(node.centre.acd().status("2001").toCompletableFuture().get().orElseThrow().state()).isEqualTo(AgentState.ON_CALL);

        DesktopClient.Reply agentTries = ann.post("/api/v1/agents/2001/listen");
        assertThat(agentTries.status()).as("agents never spy").isEqualTo(403);
        node.pbx.hangup(call);
        ann.awaitType("callEnded");
    }
}

package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;

/** The gateway against a real TCP AMI peer that writes the bytes of real Asterisk captures. */
class AsteriskJavaPbxGatewayWireTest {
    private static final Set<String> LOGIN_BURST = Set.of("FullyBooted", "SuccessfulAuth");
    private static final String HELD_CALLER = "Channel: Local/5551008@cti-hold-00000002;2\r\nChannelState: 6\r\n"
        + "ChannelStateDesc: Up\r\nCallerIDNum: +15551230008\r\nCallerIDName: Bo Ash\r\nContext: cti-hold\r\nExten: s\r\n"
        + "Priority: 3\r\nUniqueid: 1795346200.5\r\nLinkedid: 1795346200.4\r\nApplication: MusicOnHold\r\n"
        + "ApplicationData: default\r\nDuration: 00:00:04\r\nBridgeId: \r\n";

    private final BlockingQueue<PbxEvent> delivered = new LinkedBlockingQueue<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FakeAmiServer server;
    private AsteriskJavaPbxGateway gateway;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeAmiServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        server.close();
    }

    private AsteriskJavaPbxGateway gateway(int capacity) {
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", server.port(), "cti", "cti-secret", Duration.ofMillis(300),
            Duration.ofSeconds(2), Clock.systemUTC(), registry, capacity);
        gateway.addListener(delivered::add);
        gateway.start();
        return gateway;
    }

    @Test
    void deliversCapture02InPbxOrderAfterReadyAndResync() throws Exception {
        List<AmiCapture.Message> events = AmiCapture.events("02-inbound-ivr-queue-agent.raw").stream()
            .filter(m -> !LOGIN_BURST.contains(m.event())).toList();
        server.replayAfterResync(events.stream().map(AmiCapture.Message::bytes).toList());
        List<String> expected = expected(events);
        assertThat(expected).hasSizeGreaterThan(50);

        gateway(10_000);

        PbxEvent.PbxReady ready = next(PbxEvent.PbxReady.class);
        assertThat(ready.uptimeSeconds()).isEqualTo(1);
        assertThat(ready.reconnect()).isFalse();
        PbxEvent.ChannelsResynced resynced = next(PbxEvent.ChannelsResynced.class);
        assertThat(resynced.channels()).isEmpty();
        assertThat(resynced.pbxRestarted()).isFalse();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            actual.add(describe(take()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(gateway.droppedCount()).isZero();
        assertThat(gateway.receivedCount()).isEqualTo(expected.size());
        assertThat(registry.get("cti.ami.events.received").tag("box", "default").counter().count()).isEqualTo(expected.size());
    }

    @Test
    void aBlockedListenerDoesNotStallAsteriskJavaAndOverflowIsCountedAsDrops() throws Exception {
        List<AmiCapture.Message> events = AmiCapture.events("02-inbound-ivr-queue-agent.raw").stream()
            .filter(m -> !LOGIN_BURST.contains(m.event())).toList();
        server.replayAfterResync(events.stream().map(AmiCapture.Message::bytes).toList());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", server.port(), "cti", "cti-secret", Duration.ofSeconds(5),
            Duration.ofSeconds(5), Clock.systemUTC(), registry, 4);
        gateway.addListener(event -> {
            blocked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(event);
        });
        gateway.start();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

        // The answer to CoreShowChannels travels through Asterisk-Java's dispatch thread after every replayed
        // event: it completing while our listener is stuck shows that thread was never held up.
        assertThat(gateway.liveChannels().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();
        long received = gateway.receivedCount();
        long dropped = gateway.droppedCount();
        assertThat(received).isEqualTo(expected(events).size());
        assertThat(dropped).isGreaterThan(0);
        assertThat(registry.get("cti.ami.events.dropped").tag("box", "default").counter().count()).isEqualTo(dropped);

        release.countDown();
        long deliverable = received + 2 - dropped;
        for (long i = 0; i < deliverable; i++) {
            take();
        }
        assertThat(delivered.poll(200, TimeUnit.MILLISECONDS)).as("nothing beyond what was not dropped").isNull();
    }

    @Test
    void originateCompletesWhenItsOriginateResponseArrives() throws Exception {
        server.onOriginate(action -> List.of("Event: OriginateResponse\r\nPrivilege: call,all\r\n"
            + "Timestamp: 1795346168.748504\r\nActionID: " + action.get("actionid") + "\r\nResponse: Success\r\n"
            + "Channel: Local/2001@agents-00000001;1\r\nContext: agent-leg\r\nExten: s\r\nReason: 4\r\n"
            + "Uniqueid: 1795346168.2\r\nCallerIDNum: +15551230001\r\nCallerIDName: Jane Doe\r\n\r\n"));
        gateway(1000);
        next(PbxEvent.ChannelsResynced.class);

        PbxEvent.OriginateCompleted done = gateway.originate(new OriginateRequest("agent-leg-7", "Local/2001@agents",
            "agent-leg", "s", 1, "\"Jane Doe\" <+15551230001>", Duration.ofSeconds(20),
            Map.of("CTI_CALL_ID", "c-0001", "CTI_AGENT", "2001"))).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(done.reference()).isEqualTo("agent-leg-7");
        assertThat(done.success()).isTrue();
        assertThat(done.reason()).isEqualTo(4);
        assertThat(done.uniqueId()).isEqualTo("1795346168.2");
        assertThat(next(PbxEvent.OriginateCompleted.class).reference()).isEqualTo("agent-leg-7");
    }

    @Test
    void actionsCompleteOrFailWithAsterisksAnswer() throws Exception {
        server.channels(List.of(HELD_CALLER));
        gateway(1000);
        next(PbxEvent.ChannelsResynced.class);

        gateway.hangup("Local/5551000@inbound-00000000;2").toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway.bridge("Local/5551000@inbound-00000000;2", "Local/2001@agents-00000001;1").toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        gateway.redirect("Local/5551000@inbound-00000000;2", "cti-hold", "s", 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        gateway.setVariable("Local/5551000@inbound-00000000;2", "CTI_SKILL", "billing").toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> gateway.hangup("Local/nosuch;2").toCompletableFuture().get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AmiActionException.class)
            .hasMessageContaining("No such channel");
        assertThatThrownBy(() -> gateway.originate(new OriginateRequest("x-1", "Local/nosuch@agents", "agent-leg", "s", 1,
            null, Duration.ofSeconds(5), Map.of())).toCompletableFuture().get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(AmiActionException.class).hasMessageContaining("Originate failed");

        List<LiveChannel> live = gateway.liveChannels().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(live).hasSize(1);
        assertThat(live.get(0).channel().name()).isEqualTo("Local/5551008@cti-hold-00000002;2");
        assertThat(live.get(0).state()).isEqualTo(ChannelState.UP);
        assertThat(live.get(0).application()).isEqualTo("MusicOnHold");
        assertThat(server.actionsSeen()).contains("hangup", "bridge", "redirect", "setvar", "originate");
    }

    @Test
    void socketDropGivesLinkLostThenReadyAgainAndAResyncListingTheLiveCalls() throws Exception {
        server.uptime(100);
        server.channels(List.of(HELD_CALLER));
        gateway(1000);
        assertThat(next(PbxEvent.ChannelsResynced.class).channels()).hasSize(1);

        server.dropConnections();

        assertThat(next(PbxEvent.PbxLinkLost.class).why()).isNotBlank();
        PbxEvent.PbxReady ready = next(PbxEvent.PbxReady.class);
        assertThat(ready.reconnect()).isTrue();
        PbxEvent.ChannelsResynced resynced = next(PbxEvent.ChannelsResynced.class);
        assertThat(resynced.pbxRestarted()).isFalse();
        assertThat(resynced.channels()).extracting(c -> c.channel().uniqueId()).containsExactly("1795346200.5");
        assertThat(gateway.reconnectCount()).isEqualTo(1);
        assertThat(registry.get("cti.ami.reconnects").tag("box", "default").counter().count()).isEqualTo(1);
    }

    @Test
    void restartSeenByALowerUptimeGivesAResyncWithPbxRestarted() throws Exception {
        server.uptime(1000);
        server.channels(List.of(HELD_CALLER));
        gateway(1000);
        assertThat(next(PbxEvent.ChannelsResynced.class).pbxRestarted()).isFalse();

        server.uptime(0);
        server.channels(List.of());
        server.dropConnections();

        next(PbxEvent.PbxLinkLost.class);
        assertThat(next(PbxEvent.PbxReady.class).uptimeSeconds()).isZero();
        PbxEvent.ChannelsResynced resynced = next(PbxEvent.ChannelsResynced.class);
        assertThat(resynced.pbxRestarted()).isTrue();
        assertThat(resynced.channels()).isEmpty();
    }

    @Test
    void reconnectDuringBootWaitsForTheLateFullyBootedAndSeesTheRestart() throws Exception {
        server.uptime(500);
        server.channels(List.of(HELD_CALLER));
        gateway(1000);
        assertThat(next(PbxEvent.PbxReady.class).uptimeSeconds()).isEqualTo(500);

        byte[] lateBoot = AmiCapture.events("08-restart-b.raw").stream().filter(m -> "FullyBooted".equals(m.event()))
            .findFirst().orElseThrow().bytes();
        server.bootLate(lateBoot);
        server.channels(List.of());
        server.dropConnections();

        next(PbxEvent.PbxLinkLost.class);
        PbxEvent.PbxReady ready = next(PbxEvent.PbxReady.class);
        assertThat(ready.uptimeSeconds()).isZero();
        assertThat(ready.reconnect()).isTrue();
        PbxEvent.ChannelsResynced resynced = next(PbxEvent.ChannelsResynced.class);
        assertThat(resynced.pbxRestarted()).isTrue();
        assertThat(resynced.channels()).isEmpty();
    }

    @Test
    void deadButOpenLinkIsDetectedByPingAndReconnected() throws Exception {
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", server.port(), "cti", "cti-secret", Duration.ofMillis(200),
            Duration.ofMillis(400), Clock.systemUTC(), registry, 100);
        gateway.addListener(delivered::add);
        gateway.start();
        next(PbxEvent.ChannelsResynced.class);

        server.mute(true);
        assertThat(next(PbxEvent.PbxLinkLost.class).why()).contains("Ping");
        server.mute(false);
        assertThat(next(PbxEvent.PbxReady.class).reconnect()).isTrue();
    }

    private <T extends PbxEvent> T next(Class<T> type) throws InterruptedException {
        while (true) {
            PbxEvent event = take();
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    private PbxEvent take() throws InterruptedException {
        PbxEvent event = delivered.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("an event within 15 s").isNotNull();
        return event;
    }

    /** What the gateway must make of each captured event, derived from the capture's own headers. */
    private static List<String> expected(List<AmiCapture.Message> events) {
        List<String> expected = new ArrayList<>();
        for (AmiCapture.Message m : events) {
            Map<String, String> h = m.headers();
            String type = switch (m.event()) {
                case "Newchannel" -> "ChannelCreated";
                case "Newstate" -> "ChannelStateChanged";
                case "Newexten" -> "DialplanStep";
                case "NewCallerid" -> "CallerIdChanged";
                case "VarSet" -> "none".equals(h.get("Uniqueid")) ? null : "VariableSet";
                case "BridgeEnter" -> "BridgeEntered";
                case "BridgeLeave" -> "BridgeLeft";
                case "Hangup" -> "ChannelHungUp";
                case "DTMFEnd" -> "DtmfReceived";
                case "OriginateResponse" -> "OriginateCompleted";
                case "Shutdown" -> "PbxShutdown";
                default -> null;
            };
            if (type != null) {
                // Asterisk-Java keeps only what follows its own "<internal>#" prefix: an ActionID that this
                // connection did not send (here the capture tool's) reaches us as null.
                String key = "OriginateCompleted".equals(type) ? ownActionId(h.get("ActionID")) : h.get("Uniqueid");
                expected.add(type + " " + key + " @" + instant(h.get("Timestamp")));
            }
        }
        return expected;
    }

    private static String ownActionId(String actionId) {
        int hash = actionId.indexOf('#');
        return hash > 0 ? actionId.substring(hash + 1) : null;
    }

    private static Instant instant(String timestamp) {
        BigDecimal micros = new BigDecimal(timestamp).movePointRight(6);
        return Instant.EPOCH.plusNanos(micros.longValueExact() * 1000);
    }

    private static String describe(PbxEvent event) {
        String key = event instanceof PbxEvent.OnChannel on ? on.channel().uniqueId()
            : event instanceof PbxEvent.OriginateCompleted done ? done.reference() : "-";
        return event.getClass().getSimpleName() + " " + key + " @" + event.at();
    }
}

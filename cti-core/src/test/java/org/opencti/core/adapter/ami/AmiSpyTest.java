package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.SpyMode;
import org.opencti.core.port.SpyRequest;

/** Supervisor spying through the AMI adapter: the Originate it sends and the ChanSpy events of capture 05. */
class AmiSpyTest {
    private static final String AGENT_LEG = "Local/2001@agents-00000001;1";
    private static final ChannelRef SUPERVISOR = new ChannelRef("1795346234.6", "Local/3001@agents-00000002;1", "1795346234.6");
    private static final ChannelRef SPIED_ON = new ChannelRef("1795346233.2", AGENT_LEG, "1795346233.0");

    private final BlockingQueue<PbxEvent> delivered = new LinkedBlockingQueue<>();
    private final List<Map<String, String>> originates = new CopyOnWriteArrayList<>();
    private FakeAmiServer server;
    private AsteriskJavaPbxGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAmiServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        server.close();
    }

    @Test
    void spyModesUseTheOptionsOfCapture05() {
        assertThat(SpyMode.LISTEN.options()).isEqualTo("qE");
        assertThat(SpyMode.WHISPER.options()).isEqualTo("qEw");
        assertThat(SpyMode.BARGE.options()).isEqualTo("qEB");
        assertThat(new SpyRequest("r", "Local/3001@agents", AGENT_LEG, SpyMode.BARGE, null, null).data())
            .isEqualTo(AGENT_LEG + ",qEB");
    }

    @Test
    void aTargetThatWouldChangeChanSpysArgumentsIsRefused() {
        assertThatThrownBy(() -> new SpyRequest("r", "Local/3001@agents", AGENT_LEG + ",B", SpyMode.LISTEN, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a channel to spy on");
        assertThatThrownBy(() -> new SpyRequest("r", "Local/3001@agents", "PJSIP/1\r\nAction: Hangup", SpyMode.LISTEN, null,
            null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpyRequest("r", "Local/3001@agents\nX: y", AGENT_LEG, SpyMode.LISTEN, null, null))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void translatesChanSpyStartAndStopWithBothSnapshots() {
        AmiEventTranslator translator = new AmiEventTranslator(Clock.systemUTC());
        ChanSpyStartEvent start = new ChanSpyStartEvent(this);
        start.setTimestamp(1795346234.844308);
        start.setSpyerChannel(SUPERVISOR.name());
        start.setSpyerUniqueId(SUPERVISOR.uniqueId());
        start.setSpyerLinkedId(SUPERVISOR.linkedId());
        start.setSpyeeChannel(AGENT_LEG);
        start.setSpyeeUniqueId(SPIED_ON.uniqueId());
        start.setSpyeeLinkedId(SPIED_ON.linkedId());
        assertThat(translator.translate(start)).isEqualTo(new PbxEvent.SpyStarted(Instant.parse("2026-11-22T11:17:14.844308Z"),
            SUPERVISOR, SPIED_ON));

        ChanSpyStopEvent stop = new ChanSpyStopEvent(this);
        stop.setSpyerChannel(SUPERVISOR.name());
        stop.setSpyerUniqueId(SUPERVISOR.uniqueId());
        stop.setSpyerLinkedId(SUPERVISOR.linkedId());
        stop.setSpyeeChannel(AGENT_LEG);
        stop.setSpyeeUniqueId(SPIED_ON.uniqueId());
        assertThat(translator.translate(stop)).isInstanceOfSatisfying(PbxEvent.SpyStopped.class, s -> {
            assertThat(s.spyer()).isEqualTo(SUPERVISOR);
            assertThat(s.spyee().name()).isEqualTo(AGENT_LEG);
        });
        ChanSpyStopEvent noSpyee = new ChanSpyStopEvent(this);
        noSpyee.setSpyerChannel(SUPERVISOR.name());
        noSpyee.setSpyerUniqueId(SUPERVISOR.uniqueId());
        assertThat(translator.translate(noSpyee)).as("nothing to tell without the spied-on channel").isNull();
    }

    @Test
    void spyOriginatesTheSupervisorsPhoneIntoChanSpyAndDeliversTheCapturedSpyEvents() throws Exception {
        List<String> spyEvents = new ArrayList<>();
        for (AmiCapture.Message m : AmiCapture.events("05-supervisor-spy.raw")) {
            if (m.event().startsWith("ChanSpy") && m.headers().get("SpyerChannel").equals(SUPERVISOR.name())) {
                spyEvents.add(new String(m.bytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(spyEvents).hasSize(2);
        server.onOriginate(action -> {
            originates.add(action);
            List<String> out = new ArrayList<>();
            out.add("Event: OriginateResponse\r\nPrivilege: call,all\r\nTimestamp: 1795346234.743829\r\nActionID: "
                + action.get("actionid") + "\r\nResponse: Success\r\nChannel: Local/3001@agents-00000002;1\r\n"
                + "Application: ChanSpy\r\nData: " + action.get("data") + "\r\nReason: 4\r\nUniqueid: 1795346234.6\r\n"
                + "CallerIDNum: 3001\r\nCallerIDName: Supervisor\r\n\r\n");
            out.addAll(spyEvents);
            return out;
        });
        gateway = new AsteriskJavaPbxGateway("127.0.0.1", server.port(), "cti", "cti-secret", Duration.ofMillis(300),
            Duration.ofSeconds(2), Clock.systemUTC(), new SimpleMeterRegistry(), 1000);
        gateway.addListener(delivered::add);
        gateway.start();
        next(PbxEvent.ChannelsResynced.class);

        PbxEvent.OriginateCompleted done = gateway.spy(new SpyRequest("spy-listen", "Local/3001@agents", AGENT_LEG,
            SpyMode.LISTEN, "\"Supervisor\" <3001>", Duration.ofSeconds(20))).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(done.success()).isTrue();
        assertThat(done.reference()).isEqualTo("spy-listen");
        assertThat(done.channelName()).isEqualTo(SUPERVISOR.name());
        Map<String, String> sent = originates.get(0);
        assertThat(sent).containsEntry("channel", "Local/3001@agents").containsEntry("application", "ChanSpy")
            .containsEntry("data", AGENT_LEG + ",qE").containsEntry("callerid", "\"Supervisor\" <3001>")
            .containsEntry("timeout", "20000").containsEntry("async", "true");
        assertThat(sent).doesNotContainKeys("context", "exten");
        PbxEvent.SpyStarted started = next(PbxEvent.SpyStarted.class);
        assertThat(started.spyer()).isEqualTo(SUPERVISOR);
        assertThat(started.spyee()).isEqualTo(SPIED_ON);
        assertThat(started.at()).isEqualTo(Instant.parse("2026-11-22T11:17:14.844308Z"));
        assertThat(next(PbxEvent.SpyStopped.class).spyee()).isEqualTo(SPIED_ON);
    }

    private <T extends PbxEvent> T next(Class<T> type) throws InterruptedException {
        while (true) {
            PbxEvent event = delivered.poll(15, TimeUnit.SECONDS);
            assertThat(event).as("a %s within 15 s", type.getSimpleName()).isNotNull();
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }
}

package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection lifecycle over TCP: login failure, dropped connections, restart, and the server-info actions. */
class LifecycleTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346362));
    private PbxSimulator sim;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", null, 0, clock)
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(Duration.ofMillis(50))
            .withAuthFailureDelay(Duration.ofMillis(200))).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimCall heldCall(AmiTestClient ami) {
        SimCall call = sim.placeCallToHold("+15551230010", "Kim Lo", Map.of("CTI_QUEUE", "support"));
        ami.awaitEvent("MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        return call;
    }

    @Test
    void wrongSecretIsRefusedAfterTheDelayAndTheConnectionClosed() {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            long t0 = System.nanoTime();
            AmiMessage r = c.action("Login", "Username: cti", "Secret: wrong-secret");
            long waited = (System.nanoTime() - t0) / 1_000_000L;

            assertThat(r.get("Response")).isEqualTo("Error");
            assertThat(r.get("Message")).isEqualTo("Authentication failed");
            assertThat(waited).isGreaterThanOrEqualTo(150);
            assertThat(c.awaitClosed(AmiTestClient.WAIT)).isTrue();
        }
        assertThat(sim.amiSessions()).isZero();
    }

    @Test
    void droppingAmiConnectionsKeepsTheCallsGoing() {
        AmiTestClient first = AmiTestClient.loggedIn(sim.amiPort());
        SimCall call = heldCall(first);

        sim.dropAmiConnections();

        assertThat(first.awaitClosed(AmiTestClient.WAIT)).isTrue();
        assertThat(first.messages()).noneMatch(m -> "Shutdown".equals(m.event()) || "Hangup".equals(m.event()));
        assertThat(sim.channels()).extracting(SimChannel::name).containsExactly(call.phoneChannel(), call.channel());
        try (AmiTestClient again = AmiTestClient.loggedIn(sim.amiPort())) {
            int mark = again.mark();
            again.send("Action: CoreShowChannels", "ActionID: after-drop");
            AmiMessage done = again.awaitEventFrom(mark, "CoreShowChannelsComplete", m -> true);
            assertThat(done.get("ListItems")).isEqualTo("2");
            assertThat(sim.isBridged(call)).isFalse();
        }
        first.close();
        assertThat(sim.history()).extracting(SimRecord::kind).contains(SimRecord.Kind.AMI_DROPPED);
    }

    @Test
    void restartSendsShutdownForgetsEveryChannelWithoutHangupsAndUptimeStartsAgain() {
        clock.advance(Duration.ofSeconds(5));
        AmiTestClient before = AmiTestClient.loggedIn(sim.amiPort());
        AmiMessage booted = before.awaitEvent("FullyBooted", m -> true);
        assertThat(booted.get("Uptime")).isEqualTo("5");
        heldCall(before);
        int mark = before.mark();

        sim.restart();

        AmiMessage shutdown = before.awaitEventFrom(mark, "Shutdown", m -> true);
        assertThat(shutdown.names()).containsExactly("Event", "Privilege", "Timestamp", "Shutdown", "Restart");
        assertThat(shutdown.get("Shutdown")).isEqualTo("Cleanly");
        assertThat(shutdown.get("Restart")).isEqualTo("True");
        assertThat(before.awaitClosed(AmiTestClient.WAIT)).isTrue();
        List<AmiMessage> afterRestart = before.since(mark);
        assertThat(afterRestart).extracting(AmiMessage::event).containsExactly("Shutdown");
        assertThat(sim.channels()).isEmpty();

        try (AmiTestClient after = AmiTestClient.loggedIn(sim.amiPort())) {
            AmiMessage rebooted = after.awaitEvent("FullyBooted", m -> true);
            assertThat(rebooted.names()).containsExactly("Event", "Privilege", "Uptime", "LastReload", "Status");
            assertThat(rebooted.get("Uptime")).isEqualTo("0");
            assertThat(after.action("CoreStatus").get("CoreProcessedCalls")).isEqualTo("0");
            SimCall fresh = heldCall(after);
            assertThat(fresh.channel()).endsWith("-00000000;2");
            assertThat(fresh.linkedid()).isEqualTo("1795346367.0");
        }
        assertThat(sim.history()).extracting(SimRecord::kind).contains(SimRecord.Kind.RESTARTED);
    }

    @Test
    void coreRestartNowOverAmiRestartsToo() {
        AmiTestClient c = AmiTestClient.loggedIn(sim.amiPort());
        heldCall(c);
        AmiMessage r = c.action("Command", "Command: core restart now");
        assertThat(r.get("Response")).isEqualTo("Success");
        c.awaitEvent("Shutdown", m -> true);
        assertThat(c.awaitClosed(AmiTestClient.WAIT)).isTrue();
        assertThat(sim.channels()).isEmpty();
        c.close();
    }

    @Test
    void serverInformationActionsAnswerLikeCapture01And07() {
        try (AmiTestClient c = AmiTestClient.loggedIn(sim.amiPort())) {
            SimCall call = heldCall(c);
            List<List<String>> captured01 = Fixtures.messages(Fixtures.txt("01-connect-b"), "S> ");
            AmiMessage settings = c.action("CoreSettings");
            AmiMessage capturedSettings = Fixtures.toMessage(captured01.stream()
                .filter(m -> m.contains("ActionID: coresettings-1")).findFirst().orElseThrow());
            assertThat(settings.headers().subList(2, settings.headers().size()))
                .isEqualTo(capturedSettings.headers().subList(2, capturedSettings.headers().size()));

            AmiMessage version = c.action("Command", "Command: core show version");
            assertThat(version.get("Message")).isEqualTo("Command output follows");
            assertThat(version.get("Output")).startsWith("Asterisk 22.10.1 built by ");
            AmiMessage noSuch = c.action("Command", "Command: no such cli command");
            assertThat(noSuch.get("Response")).isEqualTo("Error");
            assertThat(noSuch.get("Output")).isEqualTo("No such command 'no such cli command' (type 'core show help no such' "
                + "for other possible commands)");

            int mark = c.mark();
            c.send("Action: Status", "ActionID: status-one", "Channel: " + call.channel(), "Variables: CTI_QUEUE,CALLERID(num)");
            AmiMessage complete = c.awaitEventFrom(mark, "StatusComplete", m -> true);
            AmiMessage item = c.awaitEventFrom(mark, "Status", m -> true);
            List<AmiMessage> captured07 = Fixtures.messages(Fixtures.between(Fixtures.txt("07-core-show-channels"),
                "C> ActionID: status-one", "# Status of a channel that does not exist"), "S> ").stream()
                .map(Fixtures::toMessage).toList();
            assertThat(item.names().subList(0, 32)).isEqualTo(captured07.get(1).names().subList(0, 32));
            assertThat(item.getAll("Variable")).containsExactly("CTI_QUEUE=support", "CALLERID(num)=+15551230010");
            assertThat(item.names().get(item.names().size() - 1)).isEqualTo("ActionID");
            assertThat(complete.names()).isEqualTo(captured07.get(2).names());
            assertThat(c.action("Status", "Channel: Local/nosuch@agents-00000099;1").get("Message")).isEqualTo("No such channel");
        }
    }

    @Test
    void pausedEventsAreHeldBackAndDeliveredInOrderOnResume() {
        try (AmiTestClient c = AmiTestClient.loggedIn(sim.amiPort())) {
            int mark = c.mark();
            sim.pauseEvents();
            SimCall call = sim.placeCallToHold("+15551230011", "Lia Moe", Map.of());
            AmiMessage ping = c.action("Ping");
            assertThat(ping.get("Ping")).isEqualTo("Pong");
            assertThat(c.since(mark)).noneMatch(m -> m.has("Event"));

            sim.resumeEvents();

            c.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
            List<AmiMessage> events = c.since(mark).stream().filter(m -> m.has("Event")).toList();
            assertThat(events.get(0).event()).isEqualTo("Newchannel");
            assertThat(events.get(0).get("Channel")).isEqualTo(call.phoneChannel());
        }
    }
}

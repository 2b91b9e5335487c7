package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiSessionHandlerTest {

    /** A backend that answers its one call-level action (Originate) itself and runs everything inline. */
    static final class StubBackend implements AmiBackend {
        final List<String> received = new ArrayList<>();
        final List<AmiMessage> dispatched = new ArrayList<>();
        AmiSession session;
        boolean closed;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public String secretOf(String username) {
            return "cti".equals(username) ? "cti-secret" : null;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(Instant.ofEpochSecond(1795346152, 957998000), ZoneOffset.UTC);
        }

        @Override
        public long uptimeSeconds() {
            return 3;
        }

        @Override
        public long lastReloadSeconds() {
            return 3;
        }

        @Override
        public Duration authFailureDelay() {
            return Duration.ofSeconds(1);
        }

        @Override
        public boolean supports(String action) {
            return "originate".equals(action);
        }

        @Override
        public void dispatch(AmiSession s, AmiMessage action) {
            dispatched.add(action);
            s.send(AmiReplies.success(action, "Originate successfully queued"));
        }

        @Override
        public void actionReceived(String name) {
            received.add(name);
        }

        @Override
        public void authenticated(AmiSession s) {
            session = s;
        }

        @Override
        public void closed(AmiSession s) {
            closed = true;
        }
    }

    private StubBackend backend;
    private EmbeddedChannel ch;

    @BeforeEach
    void connect() {
        backend = new StubBackend();
        ch = new EmbeddedChannel(new AmiFrameDecoder(), new AmiMessageDecoder(), new AmiMessageEncoder(),
            new AmiSessionHandler(backend));
    }

    private void write(String wire) {
        ch.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
    }

    private String output() {
        StringBuilder sb = new StringBuilder();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return sb.toString();
    }

    private List<AmiMessage> messages() {
        String out = output();
        if (out.startsWith(AmiSessionHandler.BANNER)) {
            out = out.substring(AmiSessionHandler.BANNER.length());
        }
        List<AmiMessage> list = new ArrayList<>();
        for (String part : out.split("\r\n\r\n")) {
            if (!part.isEmpty()) {
                list.add(AmiMessageDecoder.parse(part + "\r\n"));
            }
        }
        return list;
    }

    private void login() {
        write("Action: Login\r\nActionID: login-1\r\nUsername: cti\r\nSecret: cti-secret\r\nEvents: on\r\n\r\n");
        output();
    }

    @Test
    void connectionAWrittenByteForByte() {
        write("Action: Ping\r\nActionID: ping-before-login\r\n\r\n");
        write("Action: Login\r\nActionID: login-bad\r\nUsername: cti\r\nSecret: wrong-secret\r\n\r\n");
        String beforeDelay = output();
        assertThat(ch.isOpen()).isTrue();

        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        String all = beforeDelay + output();

        assertThat(all.getBytes(StandardCharsets.UTF_8)).isEqualTo(Fixtures.raw("01-connect-a"));
        assertThat(ch.isOpen()).isFalse();
        assertThat(backend.session).isNull();
    }

    @Test
    void bannerComesAtOnceAloneOnItsLine() {
        assertThat(output()).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
    }

    @Test
    void loginAnswersThenFullyBootedInItsLoginFormThenSuccessfulAuth() {
        output();
        write("Action: Login\r\nActionID: login-1\r\nUsername: cti\r\nSecret: cti-secret\r\nEvents: on\r\n\r\n");
        String out = output();

        assertThat(out).startsWith("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n"
            + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3\r\nLastReload: 3\r\nStatus: Fully Booted\r\n\r\n"
            + "Event: SuccessfulAuth\r\nPrivilege: security,all\r\nTimestamp: 1795346152.957998\r\n");
        AmiMessage auth = AmiMessageDecoder.parse(out.split("\r\n\r\n")[2] + "\r\n");
        List<List<String>> captured = Fixtures.messages(Fixtures.txt("01-connect-b"), "S> ");
        assertThat(auth.names()).isEqualTo(Fixtures.toMessage(captured.get(2)).names());
        assertThat(backend.session).isNotNull();
        assertThat(backend.received).containsExactly("Login");
    }

    @Test
    void challengeAndMd5KeyLogIn() {
        output();
        write("Action: Challenge\r\nActionID: challenge-1\r\nAuthType: MD5\r\n\r\n");
        AmiMessage challenge = messages().get(0);
        assertThat(challenge.names()).containsExactly("Response", "ActionID", "Challenge");
        String key = AmiSessionHandler.md5(challenge.get("Challenge") + "cti-secret");

        write("Action: Login\r\nActionID: login-md5\r\nAuthType: MD5\r\nUsername: cti\r\nKey: " + key + "\r\nEvents: on\r\n\r\n");
        assertThat(messages().get(0).get("Message")).isEqualTo("Authentication accepted");
        assertThat(AmiSessionHandler.md5("598873822cti-secret")).isEqualTo("c7f1eabcccae7652203ffaf6548a85df");
    }

    @Test
    void secondLoginIsAlreadyAuthenticated() {
        login();
        write("Action: Login\r\nActionID: login-again\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n");
        assertThat(output()).isEqualTo("Response: Success\r\nActionID: login-again\r\nMessage: Already authenticated\r\n\r\n");
    }

    @Test
    void unknownActionAndMissingActionAreErrorsAndTheSessionGoesOn() {
        login();
        write("Action: FooBar\r\nActionID: unknown-1\r\n\r\n");
        write("ActionID: no-action-1\r\nFoo: bar\r\n\r\n");

        assertThat(output()).isEqualTo("Response: Error\r\nActionID: unknown-1\r\nMessage: Invalid/unknown command: FooBar. "
            + "Use Action: ListCommands to show available commands.\r\n\r\n"
            + "Response: Error\r\nActionID: no-action-1\r\nMessage: Missing action in request\r\n\r\n");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void actionIdIsEchoedWhenPresentAndLeftOutWhenNot() {
        login();
        write("Action: Ping\r\nActionID: ping-1\r\n\r\nAction: Ping\r\n\r\naction: ping\r\nactionid: lower-1\r\n\r\n");

        assertThat(output()).isEqualTo("Response: Success\r\nActionID: ping-1\r\nPing: Pong\r\nTimestamp: 1795346152.957998\r\n\r\n"
            + "Response: Success\r\nPing: Pong\r\nTimestamp: 1795346152.957998\r\n\r\n"
            + "Response: Success\r\nActionID: lower-1\r\nPing: Pong\r\nTimestamp: 1795346152.957998\r\n\r\n");
    }

    @Test
    void aLineWithoutColonIsNamedInAnErrorAndTheConnectionStaysOpen() {
        login();
        write("Action: Ping\r\nActionID: bad-1\r\nthis line has no colon\r\n\r\n");
        AmiMessage err = messages().get(0);
        assertThat(err.get("Response")).isEqualTo("Error");
        assertThat(err.actionId()).isEqualTo("bad-1");
        assertThat(err.get("Message")).contains("this line has no colon");
        assertThat(ch.isOpen()).isTrue();

        write("Action: Ping\r\nActionID: after\r\n\r\n");
        assertThat(messages().get(0).get("Ping")).isEqualTo("Pong");
    }

    @Test
    void anOversizedMessageGetsAnErrorAndTheConnectionIsClosed() {
        login();
        write("Action: UserEvent\r\nUserEvent: Huge\r\nData: " + "x".repeat(70_000));

        AmiMessage err = messages().get(0);
        assertThat(err.get("Response")).isEqualTo("Error");
        assertThat(err.get("Message")).contains("65536");
        assertThat(ch.isOpen()).isFalse();
        assertThat(backend.closed).isTrue();
    }

    @Test
    void callActionsGoToTheBackendOnlyAfterLogin() {
        output();
        write("Action: Originate\r\nActionID: o-1\r\nChannel: Local/2001@agents\r\n\r\n");
        assertThat(output()).isEqualTo("Response: Error\r\nActionID: o-1\r\nMessage: Permission denied\r\n\r\n");
        assertThat(backend.dispatched).isEmpty();

        login();
        write("Action: Originate\r\nActionID: o-2\r\nChannel: Local/2001@agents\r\n\r\n");
        assertThat(messages().get(0).get("Message")).isEqualTo("Originate successfully queued");
        assertThat(backend.dispatched).extracting(AmiMessage::actionId).containsExactly("o-2");
        assertThat(backend.received).containsExactly("Originate", "Login", "Originate");
    }

    @Test
    void eventsOffStopsEventsAndOnBringsThemBack() {
        login();
        write("Action: Events\r\nActionID: events-off\r\nEventMask: off\r\n\r\n");
        assertThat(output()).isEqualTo("Response: Success\r\nActionID: events-off\r\nEvents: Off\r\n\r\n");
        backend.session.sendEvent(AmiMessage.of("Event", "UserEvent", "UserEvent", "Hidden"));
        assertThat(output()).isEmpty();

        write("Action: Events\r\nActionID: events-on\r\nEventMask: on\r\n\r\n");
        backend.session.sendEvent(AmiMessage.of("Event", "UserEvent", "UserEvent", "Shown"));
        assertThat(output()).isEqualTo("Response: Success\r\nActionID: events-on\r\nEvents: On\r\n\r\n"
            + "Event: UserEvent\r\nUserEvent: Shown\r\n\r\n");
    }

    @Test
    void logoffSaysGoodbyeAndCloses() {
        login();
        write("Action: Logoff\r\nActionID: logoff-1\r\n\r\n");
        assertThat(output()).isEqualTo("Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n\r\n");
        assertThat(ch.isOpen()).isFalse();
    }
}

package org.opencti.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server over real TCP, with a scripted Asterisk on the other end. */
@Timeout(30)
class FastAgiServerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> peers = new CopyOnWriteArrayList<>();
    private final AgiScript echo = (request, channel) -> channel.verbose("hello " + request.parameter("who", "?"))
            .thenRun(() -> peers.add(request.peer()))
            .thenCompose(r -> channel.setVariable("CTI_ARGS", String.join("|", request.arguments())))
            .thenAccept(r -> { });
    private final FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("echo", echo)), registry);

    @AfterEach
    void stop() {
        server.close();
    }

    private double failures(String reason) {
        var counter = registry.find(AgiMetrics.FAILURES).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void runsTheRoutedScriptAndClosesWhenItIsDone() {
        server.start();
        assertThat(server.port()).isPositive();
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send(AsteriskCaptures.environmentFor("echo?who=Jane%20Doe").replace("agi_threadid", "agi_arg_1: a b\nagi_threadid"));
            List<String> commands = asterisk.converse(command -> List.of("200 result=1"));
            assertThat(commands).containsExactly("VERBOSE \"hello Jane Doe\" 1", "SET VARIABLE CTI_ARGS \"a b\"");
        }
        assertThat(peers).as("where the session came from: which Asterisk box").containsExactly("127.0.0.1");
        assertThat(registry.get(AgiMetrics.SESSIONS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void anUnknownScriptGetsAVerboseLineAndTheSessionCloses() {
        server.start();
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send(AsteriskCaptures.environmentFor("nope?menu=main"));
            assertThat(asterisk.converse(command -> List.of("200 result=1"))).containsExactly("VERBOSE \"unknown script nope\" 1");
        }
        assertThat(failures(AgiMetrics.UNKNOWN_SCRIPT)).isEqualTo(1.0);
    }

    @Test
    void anOverLongLineClosesTheSession() {
        server.start();
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send("agi_network: yes\nagi_network_script: " + "x".repeat(FastAgiServer.MAX_LINE_LENGTH + 100) + "\n");
            assertThat(asterisk.readCommand()).isNull();
        }
        assertThat(failures(AgiMetrics.LINE_TOO_LONG)).isEqualTo(1.0);
    }

    @Test
    void anOverLongReplyClosesTheSessionAndFailsTheScriptsCommand() {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        AgiScript waiting = (request, channel) -> channel.answer().handle((r, t) -> {
            seen.complete(t == null ? null : AgiException.unwrap(t));
            return null;
        });
        try (FastAgiServer other = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("ivr", waiting)), registry)) {
            other.start();
            try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(other.port())) {
                asterisk.send(AsteriskCaptures.environmentFor("ivr"));
                assertThat(asterisk.readCommand()).isEqualTo("ANSWER");
                asterisk.send("200 result=0 " + "y".repeat(FastAgiServer.MAX_LINE_LENGTH) + "\n");
                assertThat(asterisk.readCommand()).isNull();
            }
            assertThat(seen.join()).isInstanceOf(AgiSessionClosed.class);
        }
        assertThat(failures(AgiMetrics.LINE_TOO_LONG)).isEqualTo(1.0);
    }

    @Test
    void closingTheServerEndsOpenSessions() {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        AgiScript waiting = (request, channel) -> channel.answer().handle((r, t) -> {
            seen.complete(AgiException.unwrap(t));
            return null;
        });
        FastAgiServer other = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("ivr", waiting)), registry).start();
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(other.port())) {
            asterisk.send(AsteriskCaptures.environmentFor("ivr"));
            assertThat(asterisk.readCommand()).isEqualTo("ANSWER");
            other.close();
            assertThat(asterisk.readCommand()).isNull();
        }
        assertThat(seen.join()).isInstanceOf(AgiSessionClosed.class);
        assertThat(other.activeSessions()).isZero();
    }

    @Test
    void aPortInUseIsAClearError() {
        server.start();
        FastAgiServer second = new FastAgiServer("127.0.0.1", server.port(), AgiScriptRouter.byName(Map.of()), registry);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot bind");
    }
}

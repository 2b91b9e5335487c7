package org.opencti.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session's request/reply discipline, driven through the real pipeline on an EmbeddedChannel. */
class AgiSessionTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompletableFuture<Void> scriptDone = new CompletableFuture<>();
    private AgiChannel agi;
    private AgiRequest request;

    private EmbeddedChannel session(AgiScriptRouter router) {
        AgiMetrics metrics = new AgiMetrics(registry);
        EmbeddedChannel channel = connection(router, metrics);
        channel.writeInbound(Unpooled.copiedBuffer(AsteriskCaptures.ENV_02, StandardCharsets.UTF_8));
        return channel;
    }

    /** A connection with the server's own pipeline. */
    static EmbeddedChannel connection(AgiScriptRouter router, AgiMetrics metrics) {
        return new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                FastAgiServer.initPipeline(ch.pipeline(), router, metrics);
            }
        });
    }

    private EmbeddedChannel session() {
        return session(AgiScriptRouter.byName(Map.of("ivr", (r, ch) -> {
            request = r;
            agi = ch;
            return scriptDone;
        })));
    }

    private static void asterisk(EmbeddedChannel channel, String... lines) {
        channel.writeInbound(Unpooled.copiedBuffer(String.join("\n", lines) + "\n", StandardCharsets.UTF_8));
    }

    private static List<String> written(EmbeddedChannel channel) {
        List<String> out = new ArrayList<>();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            out.add(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return out;
    }

    private double failures(String reason) {
        var counter = registry.find(AgiMetrics.FAILURES).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theScriptGetsTheRequestAndCommandsGoOutOneAtATimeInOrder() {
        EmbeddedChannel channel = session();
        assertThat(request.channel()).isEqualTo("Local/5551000@inbound-00000000;2");

        CompletionStage<AgiReply> first = agi.answer();
        CompletionStage<AgiReply> second = agi.setVariable("CTI_NOTE", "two words \"quoted\"");
        CompletionStage<Optional<String>> third = agi.getVariable("CTI_ROLE");
        assertThat(written(channel)).containsExactly("ANSWER\n");

        asterisk(channel, "200 result=0");
        assertThat(first.toCompletableFuture()).isCompletedWithValue(AgiReply.ok("0"));
        assertThat(written(channel)).containsExactly("SET VARIABLE CTI_NOTE \"two words \\\"quoted\\\"\"\n");

        asterisk(channel, "200 result=1");
        assertThat(second.toCompletableFuture()).isCompleted();
        assertThat(written(channel)).containsExactly("GET VARIABLE CTI_ROLE\n");

        asterisk(channel, "200 result=1 (inbound)");
        assertThat(third.toCompletableFuture()).isCompletedWithValue(Optional.of("inbound"));
        assertThat(channel.isOpen()).isTrue();

        scriptDone.complete(null);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(registry.get(AgiMetrics.SESSIONS).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(AgiMetrics.ACTIVE).gauge().value()).isZero();
    }

    @Test
    void commandTextsMatchTheCaptures() {
        EmbeddedChannel channel = session();
        List<CompletionStage<?>> stages = List.of(agi.streamFile("demo-congrats", "0123456789*#"), agi.getData("beep", 5000, 4),
                agi.waitForDigit(3000), agi.exec("Playback", "beep"), agi.verbose("CTI IVR start"), agi.setContext("cti-hold"),
                agi.setExtension("s"), agi.setPriority(1), agi.sayDigits("123", ""), agi.streamFile("beep", ""), agi.hangup());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            sent.addAll(written(channel));
            asterisk(channel, "200 result=0");
        }
        assertThat(sent).containsExactly("STREAM FILE demo-congrats \"0123456789*#\"\n", "GET DATA beep 5000 4\n",
                "WAIT FOR DIGIT 3000\n", "EXEC Playback beep\n", "VERBOSE \"CTI IVR start\" 1\n", "SET CONTEXT cti-hold\n",
                "SET EXTENSION s\n", "SET PRIORITY 1\n", "SAY DIGITS 123 \"\"\n", "STREAM FILE beep \"\"\n", "HANGUP\n");
        assertThat(stages).allMatch(s -> s.toCompletableFuture().isDone() && !s.toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void hangupFailsTheCommandInFlightAndEveryLaterOneAndItsReplyIsDropped() {
        EmbeddedChannel channel = session();
        CompletionStage<Optional<String>> inFlight = agi.getVariable("CTI_ROLE");
        CompletionStage<AgiReply> queued = agi.streamFile("beep", "");
        written(channel);

        asterisk(channel, "HANGUP");
        assertThat(agi.isHungUp()).isTrue();
        assertThat(inFlight.toCompletableFuture()).isCompletedExceptionally();
        assertThat(AgiException.unwrap(failure(inFlight))).isInstanceOf(CallerHungUp.class);
        assertThat(AgiException.isCallerGone(failure(queued))).isTrue();

        asterisk(channel, "200 result=0");
        CompletionStage<AgiReply> later = agi.setVariable("CTI_RESULT", "abandoned");
        assertThat(AgiException.unwrap(failure(later))).isInstanceOf(CallerHungUp.class);
        assertThat(written(channel)).isEmpty();
        assertThat(registry.get(AgiMetrics.HANGUPS).counter().count()).isEqualTo(1.0);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void errorRepliesBecomeClearFailuresAndTheSessionGoesOn() {
        EmbeddedChannel channel = session();
        CompletionStage<AgiReply> unknown = agi.command("FOO BAR");
        asterisk(channel, "510 Invalid or unknown command");
        AgiCommandFailed invalid = (AgiCommandFailed) AgiException.unwrap(failure(unknown));
        assertThat(invalid.isInvalidCommand()).isTrue();
        assertThat(invalid.command()).isEqualTo("FOO BAR");
        assertThat(invalid.getMessage()).contains("510", "FOO BAR");

        CompletionStage<AgiReply> usage = agi.command("STREAM FILE");
        asterisk(channel, "520-Invalid command syntax.  Proper usage follows:", "Send the given file.", "520 End of proper usage.");
        AgiCommandFailed usageError = (AgiCommandFailed) AgiException.unwrap(failure(usage));
        assertThat(usageError.isUsageError()).isTrue();
        assertThat(usageError.reply().data()).contains("Send the given file.");
        assertThat(AgiException.isCallerGone(usageError)).isFalse();

        CompletionStage<AgiReply> dead = agi.streamFile("beep", "");
        asterisk(channel, "511 Command Not Permitted on a dead channel or intercept routine");
        AgiCommandFailed deadChannel = (AgiCommandFailed) AgiException.unwrap(failure(dead));
        assertThat(deadChannel.isDeadChannel()).isTrue();
        assertThat(AgiException.isCallerGone(deadChannel)).isTrue();

        CompletionStage<AgiReply> after = agi.verbose("still here");
        asterisk(channel, "200 result=1");
        assertThat(after.toCompletableFuture()).isCompletedWithValue(AgiReply.ok("1"));
    }

    @Test
    void aLineBreakInAnArgumentIsRefusedWithoutSendingAnything() {
        EmbeddedChannel channel = session();
        CompletionStage<AgiReply> injected = agi.setVariable("X", "a\nHANGUP");
        assertThat(failure(injected)).isInstanceOf(IllegalArgumentException.class);
        assertThat(written(channel)).isEmpty();
    }

    @Test
    void garbageFromAsteriskFailsThePendingCommandAndClosesTheSession() {
        EmbeddedChannel channel = session();
        CompletionStage<AgiReply> pending = agi.answer();
        asterisk(channel, "HTTP/1.1 400 Bad Request");
        assertThat(AgiException.unwrap(failure(pending))).isInstanceOf(AgiProtocolException.class);
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures(AgiMetrics.PROTOCOL)).isEqualTo(1.0);
    }

    @Test
    void theConnectionClosingFailsWhatIsPending() {
        EmbeddedChannel channel = session();
        CompletionStage<AgiReply> pending = agi.answer();
        channel.close();
        assertThat(AgiException.unwrap(failure(pending))).isInstanceOf(AgiSessionClosed.class);
        assertThat(AgiException.unwrap(failure(agi.answer()))).isInstanceOf(AgiSessionClosed.class);
    }

    @Test
    void aScriptThatThrowsIsCountedAndTheSessionCloses() {
        EmbeddedChannel channel = session(AgiScriptRouter.byName(Map.of("ivr", (r, ch) -> {
            throw new IllegalStateException("bug");
        })));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures(AgiMetrics.SCRIPT_ERROR)).isEqualTo(1.0);
    }

    @Test
    void aScriptEndingBecauseTheCallerLeftIsNotAFailure() {
        EmbeddedChannel channel = session();
        CompletionStage<AgiReply> pending = agi.answer();
        asterisk(channel, "HANGUP", "200 result=0");
        pending.thenRun(() -> scriptDone.complete(null)).exceptionally(t -> {
            scriptDone.completeExceptionally(t);
            return null;
        });
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures(AgiMetrics.SCRIPT_ERROR)).isZero();
    }

    @Test
    void aClientThatSendsNoEnvironmentInTimeIsClosed() {
        EmbeddedChannel channel = connection((r) -> Optional.empty(), new AgiMetrics(registry));
        asterisk(channel, "agi_network: yes");
        channel.advanceTimeBy(FastAgiServer.REQUEST_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures(AgiMetrics.REQUEST_TIMEOUT)).isEqualTo(1.0);
    }

    @Test
    void theRequestTimeoutStopsOnceTheEnvironmentIsIn() {
        EmbeddedChannel channel = session();
        channel.advanceTimeBy(FastAgiServer.REQUEST_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        assertThat(failures(AgiMetrics.REQUEST_TIMEOUT)).isZero();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        return future.handle((v, t) -> t).join();
    }
}

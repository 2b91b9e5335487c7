package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.opencti.ivr.agi.AgiChannel;
import org.opencti.ivr.agi.AgiReply;
import org.opencti.ivr.tree.Node.ValueKind;

/** The AGI commands each {@link CallerIo} operation sends, against a recording channel. */
class AgiCallerIoTest {

    /** Answers GET DATA and STREAM FILE from the given map (by command prefix), everything else with 200 result=0. */
    private static final class RecordingChannel implements AgiChannel {
        private final List<String> commands = new ArrayList<>();
        private final Map<String, AgiReply> replies;

        RecordingChannel(Map<String, AgiReply> replies) {
            this.replies = replies;
        }

        @Override
        public CompletionStage<AgiReply> command(String commandLine) {
            commands.add(commandLine);
            return CompletableFuture.completedFuture(replies.entrySet().stream().filter(e -> commandLine.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(AgiReply.ok("0")));
        }

        @Override
        public boolean isHungUp() {
            return false;
        }
    }

    @Test
    void playStopsAtTheFirstDigit() {
        RecordingChannel channel = new RecordingChannel(Map.of("STREAM FILE b", AgiReply.ok("50")));

        String digit = new AgiCallerIo(channel).play(List.of("a", "b", "c"), "12").toCompletableFuture().join().orElseThrow();

        assertThat(digit).isEqualTo("2");
        assertThat(channel.commands).containsExactly("STREAM FILE a \"12\"", "STREAM FILE b \"12\"");
    }

    @Test
    void collectUsesGetDataAndTellsATimeout() {
        RecordingChannel channel = new RecordingChannel(Map.of("GET DATA one", AgiReply.ok("12345"),
                "GET DATA two", new AgiReply(200, "", "timeout", Map.of())));
        AgiCallerIo io = new AgiCallerIo(channel);

        assertThat(io.collect("one", 10, 8000, "#").toCompletableFuture().join()).isEqualTo(CallerIo.Input.of("12345"));
        assertThat(io.collect("two", 1, 5000, "").toCompletableFuture().join()).isEqualTo(CallerIo.Input.timeout());
        assertThat(channel.commands).containsExactly("GET DATA one 8000 10", "GET DATA two 5000 1");
    }

    @Test
    void valuesAreSaidByKind() {
        RecordingChannel channel = new RecordingChannel(Map.of());
        AgiCallerIo io = new AgiCallerIo(channel);

        io.say("42", ValueKind.NUMBER).toCompletableFuture().join();
        io.say("0815", ValueKind.DIGITS).toCompletableFuture().join();
        io.say("120.5", ValueKind.MONEY).toCompletableFuture().join();
        io.say("1970-01-02", ValueKind.DATE).toCompletableFuture().join();
        io.say("In Transit", ValueKind.ORDER_STATUS).toCompletableFuture().join();

        assertThat(channel.commands).containsExactly("SAY NUMBER 42 \"\"", "SAY DIGITS 0815 \"\"", "SAY NUMBER 120 \"\"",
                "STREAM FILE dollars \"\"", "STREAM FILE and \"\"", "SAY NUMBER 50 \"\"", "STREAM FILE cents \"\"",
                "SAY DATE 86400 \"\"", "STREAM FILE order-status/in-transit \"\"");
    }

    @Test
    void transferRedirectVariablesAndHangup() {
        RecordingChannel channel = new RecordingChannel(Map.of());
        AgiCallerIo io = new AgiCallerIo(channel);

        io.setVariable("CUSTOMER_NAME", "Ada Lovelace").toCompletableFuture().join();
        io.transfer("cti-hold").toCompletableFuture().join();
        io.redirect("cti-voicemail", "support").toCompletableFuture().join();
        io.hangup().toCompletableFuture().join();

        assertThat(channel.commands).containsExactly("SET VARIABLE CUSTOMER_NAME \"Ada Lovelace\"", "SET CONTEXT cti-hold",
                "SET EXTENSION s", "SET PRIORITY 1", "SET CONTEXT cti-voicemail", "SET EXTENSION support", "SET PRIORITY 1", "HANGUP");
    }
}

package org.opencti.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiReplyParserTest {
    private final AgiReplyParser parser = new AgiReplyParser();

    @Test
    void plainResults() {
        assertThat(parser.accept("200 result=0")).isEqualTo(new AgiReply(200, "0", null, Map.of()));
        AgiReply status = parser.accept("200 result=6");
        assertThat(status.resultAsInt()).hasValue(6);
        assertThat(status.isSuccess()).isTrue();
        assertThat(status.isTimeout()).isFalse();
    }

    @Test
    void dataInParentheses() {
        AgiReply variable = parser.accept("200 result=1 (inbound)");
        assertThat(variable.result()).isEqualTo("1");
        assertThat(variable.data()).isEqualTo("inbound");

        AgiReply full = parser.accept("200 result=1 (\"Jane Doe\" <+15551230001>)");
        assertThat(full.data()).isEqualTo("\"Jane Doe\" <+15551230001>");

        AgiReply withParenthesis = parser.accept("200 result=1 (a) b (c))");
        assertThat(withParenthesis.data()).isEqualTo("a) b (c)");
    }

    @Test
    void digitsAndEndpos() {
        AgiReply stream = parser.accept("200 result=49 endpos=13120");
        assertThat(stream.digit()).contains('1');
        assertThat(stream.attribute("endpos")).contains("13120");
        assertThat(stream.data()).isNull();

        assertThat(parser.accept("200 result=55").digit()).contains('7');
        assertThat(parser.accept("200 result=0").digit()).isEmpty();

        AgiReply hungUpStream = parser.accept("200 result=-1 endpos=12000");
        assertThat(hungUpStream.resultAsInt()).hasValue(-1);
        assertThat(hungUpStream.digit()).isEmpty();
        assertThat(hungUpStream.digits()).isEmpty();
    }

    @Test
    void getDataDigitsAndTimeout() {
        AgiReply digits = parser.accept("200 result=42");
        assertThat(digits.digits()).isEqualTo("42");
        assertThat(digits.isTimeout()).isFalse();

        AgiReply timeout = parser.accept("200 result= (timeout)");
        assertThat(timeout.result()).isEmpty();
        assertThat(timeout.digits()).isEmpty();
        assertThat(timeout.isTimeout()).isTrue();

        AgiReply partial = parser.accept("200 result=12 (timeout)");
        assertThat(partial.digits()).isEqualTo("12");
        assertThat(partial.isTimeout()).isTrue();

        AgiReply recorded = parser.accept("200 result=0 (timeout) endpos=800");
        assertThat(recorded.isTimeout()).isTrue();
        assertThat(recorded.attribute("endpos")).contains("800");
    }

    @Test
    void errorCodes() {
        AgiReply invalid = parser.accept("510 Invalid or unknown command");
        assertThat(invalid.code()).isEqualTo(AgiReply.INVALID_COMMAND);
        assertThat(invalid.result()).isNull();
        assertThat(invalid.data()).isEqualTo("Invalid or unknown command");
        assertThat(invalid.isSuccess()).isFalse();

        AgiReply dead = parser.accept("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(dead.code()).isEqualTo(AgiReply.DEAD_CHANNEL);
    }

    @Test
    void usageBlockSpansLinesUntilItsEnd() {
        assertThat(parser.accept("520-Invalid command syntax.  Proper usage follows:")).isNull();
        assertThat(parser.accept("Send the given file. Returns <literal>0</literal> if ...")).isNull();
        assertThat(parser.accept("    <value>SUCCESS</value>")).isNull();
        assertThat(parser.accept("200 result=0 looks like a reply but is usage text")).isNull();
        AgiReply usage = parser.accept("520 End of proper usage.");

        assertThat(usage.code()).isEqualTo(AgiReply.USAGE);
        assertThat(usage.data()).startsWith("Invalid command syntax.  Proper usage follows:\nSend the given file.")
                .contains("\n    <value>SUCCESS</value>\n").endsWith("\nEnd of proper usage.");
        assertThat(parser.accept("200 result=1")).isEqualTo(AgiReply.ok("1"));
    }

    @Test
    void everyReplyInTheCapturesParses() {
        List<AgiReply> replies = new ArrayList<>();
        for (String capture : List.of("02-fastagi.raw", "10-fastagi.raw")) {
            for (String line : AsteriskCaptures.replyLines(capture)) {
                if (!line.equals("HANGUP")) {
                    AgiReply reply = parser.accept(line);
                    if (reply != null) {
                        replies.add(reply);
                    }
                }
            }
        }
        assertThat(replies).extracting(AgiReply::code).containsExactly(
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 510, 520, 200, 200, 200, 200,
                200, 200, 200, 511, 200, 200);
        assertThat(replies.get(6)).isEqualTo(new AgiReply(200, "49", null, Map.of("endpos", "13120")));
        assertThat(replies.get(8).isTimeout()).isTrue();
        assertThat(replies.get(13).data()).contains("<variable>PLAYBACKSTATUS</variable>");
    }

    @Test
    void garbageIsAProtocolError() {
        assertThatThrownBy(() -> parser.accept("hello")).isInstanceOf(AgiProtocolException.class);
        assertThatThrownBy(() -> parser.accept("200 nothing")).isInstanceOf(AgiProtocolException.class);
        assertThatThrownBy(() -> parser.accept("200-result=1")).isInstanceOf(AgiProtocolException.class);
        assertThatThrownBy(() -> parser.accept("200 result=1 (open")).isInstanceOf(AgiProtocolException.class);
    }
}

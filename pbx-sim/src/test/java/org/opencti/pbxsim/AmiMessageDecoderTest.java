package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiMessageDecoderTest {

    private static List<AmiMessage> decode(String wire) {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiFrameDecoder(), new AmiMessageDecoder());
        ch.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
        List<AmiMessage> out = new ArrayList<>();
        AmiMessage m;
        while ((m = ch.readInbound()) != null) {
            out.add(m);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static String clientSide(String capture) {
        StringBuilder sb = new StringBuilder();
        for (String line : Fixtures.txt(capture)) {
            if (line.startsWith("C> ")) {
                sb.append(line.substring(3)).append("\r\n");
            }
        }
        return sb.toString();
    }

    @Test
    void decodesTheActionsOfConnectionBInOrderWithCaseInsensitiveNames() {
        List<AmiMessage> actions = decode(clientSide("01-connect-b"));

        assertThat(actions).extracting(AmiMessage::action).containsExactly("Login", "Ping", "Ping", "Login", "FooBar",
            "Originate", "Getvar", "Hangup", "Hangup", null, "ping", "CoreSettings", "CoreStatus", "Command", "Events",
            "Events", "Logoff");
        AmiMessage lower = actions.get(10);
        assertThat(lower.names()).containsExactly("action", "actionid");
        assertThat(lower.get("ActionID")).isEqualTo("lower-1");
        assertThat(lower.get("ACTION")).isEqualTo("ping");
        assertThat(actions.get(9).names()).containsExactly("ActionID", "Foo");
        assertThat(actions.get(13).get("Command")).isEqualTo("core show version");
    }

    @Test
    void keepsHeaderOrderAndEveryRepeatedVariable() {
        List<AmiMessage> actions = decode(clientSide("02-inbound-ivr-queue-agent"));
        AmiMessage originate = actions.stream().filter(a -> "agent-leg-1".equals(a.actionId())).findFirst().orElseThrow();

        assertThat(originate.names()).containsExactly("Action", "ActionID", "Channel", "Context", "Exten", "Priority",
            "CallerID", "Timeout", "Async", "Variable", "Variable");
        assertThat(originate.getAll("variable")).containsExactly("CTI_CALL_ID=c-0001", "CTI_AGENT=2001");
        assertThat(originate.get("CallerID")).isEqualTo("\"Jane Doe\" <+15551230001>");
    }

    @Test
    void valuesKeepColonsAndTrailingBlanksButNotTheBlanksAfterTheColon() {
        AmiMessage ue = decode(clientSide("09-userevent-dtmf")).stream().filter(a -> "ue-1".equals(a.actionId()))
            .findFirst().orElseThrow();
        assertThat(ue.get("Reason")).isEqualTo("after call work: 30 s");
        assertThat(ue.get("X-Custom-Id")).isEqualTo("42");

        AmiMessage m = AmiMessageDecoder.parse("Name:\t  spaced value  \r\nEmpty: \r\nBare:\r\n");
        assertThat(m.get("Name")).isEqualTo("spaced value  ");
        assertThat(m.get("Empty")).isEmpty();
        assertThat(m.get("Bare")).isEmpty();
        assertThat(m.get("Missing")).isNull();
    }

    @Test
    void keepsLinesWithoutAColonAsMalformed() {
        AmiMessage m = decode("Action: Ping\r\nthis line has no colon\r\nActionID: x\r\n\r\n").get(0);

        assertThat(m.malformedLines()).containsExactly("this line has no colon");
        assertThat(m.names()).containsExactly("Action", "ActionID");
    }

    @Test
    void decodesEveryEventOfACaptureWithItsHeaderNamesInOrder() {
        List<List<String>> expected = Fixtures.messages(Fixtures.txt("09-userevent-dtmf"), "S> ");
        String raw = new String(Fixtures.raw("09-userevent-dtmf"), StandardCharsets.UTF_8);
        List<AmiMessage> decoded = decode(raw.substring(raw.indexOf("\r\n") + 2));

        assertThat(decoded).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            List<String> names = expected.get(i).stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
            assertThat(decoded.get(i).names()).as("message %d", i).isEqualTo(names);
        }
    }
}

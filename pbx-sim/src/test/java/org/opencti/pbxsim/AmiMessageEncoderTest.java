package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmiMessageEncoderTest {

    private static String afterBanner(String capture) {
        String raw = new String(Fixtures.raw(capture), StandardCharsets.UTF_8);
        return raw.substring(raw.indexOf("\r\n") + 2);
    }

    private static String encode(AmiMessage... messages) {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiMessageEncoder());
        StringBuilder sb = new StringBuilder();
        for (AmiMessage m : messages) {
            ch.writeOutbound(m);
            ByteBuf b = ch.readOutbound();
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        ch.finishAndReleaseAll();
        return sb.toString();
    }

    @Test
    void reproducesTheLoginResponseAndTheLoginFormOfFullyBootedByteForByte() {
        AmiMessage response = AmiMessage.of("Response", "Success", "ActionID", "login-1", "Message", "Authentication accepted");
        AmiMessage booted = AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "3", "LastReload", "3",
            "Status", "Fully Booted");

        assertThat(afterBanner("01-connect-b")).startsWith(encode(response, booted));
    }

    @Test
    void reproducesTheRealTimeFullyBootedAndShutdownEvents() {
        AmiMessage booted = AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Timestamp", "1795346365.369812",
            "Status", "Fully Booted", "Uptime", "0", "LastReload", "0");
        assertThat(afterBanner("08-restart-b")).contains(encode(booted));

        AmiMessage shutdown = AmiMessage.of("Event", "Shutdown", "Privilege", "system,all", "Timestamp", "1795346364.889111",
            "Shutdown", "Cleanly", "Restart", "True");
        assertThat(afterBanner("08-restart-a")).endsWith(encode(shutdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-connect-a", "01-connect-b", "01-connect-c", "02-inbound-ivr-queue-agent", "03-transfers",
        "05-supervisor-spy", "06-outbound", "07-core-show-channels", "08-restart-a", "08-restart-b", "08-restart-c",
        "09-userevent-dtmf", "10-ivr-hangup"})
    void decodingThenEncodingGivesBackEveryByteAsteriskWrote(String capture) {
        String stream = afterBanner(capture);
        StringBuilder again = new StringBuilder();
        int start = 0;
        int end;
        while ((end = stream.indexOf("\r\n\r\n", start)) >= 0) {
            again.append(AmiMessageEncoder.render(AmiMessageDecoder.parse(stream.substring(start, end + 2))));
            start = end + 4;
        }
        assertThat(start).isEqualTo(stream.length());
        assertThat(again.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(stream.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesEmptyValuesWithTheSpaceAfterTheColon() {
        assertThat(AmiMessageEncoder.render(AmiMessage.of("Event", "X", "AccountCode", "")))
            .isEqualTo("Event: X\r\nAccountCode: \r\n\r\n");
    }
}

package org.opencti.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiRequestDecoderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private EmbeddedChannel decoder() {
        return new EmbeddedChannel(new LineBasedFrameDecoder(FastAgiServer.MAX_LINE_LENGTH, true, true),
                new StringDecoder(StandardCharsets.UTF_8), new AgiRequestDecoder(new AgiMetrics(registry)));
    }

    private static List<Object> inbound(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            out.add(msg);
        }
        return out;
    }

    @Test
    void decodesTheRealEnvironmentBlockOfCapture02AndPassesTheRepliesThrough() {
        EmbeddedChannel channel = decoder();
        channel.writeInbound(Unpooled.wrappedBuffer(AsteriskCaptures.raw("02-fastagi.raw")));

        List<Object> messages = inbound(channel);
        assertThat(messages.get(0)).isInstanceOf(AgiRequest.class);
        AgiRequest request = (AgiRequest) messages.get(0);
        assertThat(request.script()).isEqualTo("ivr");
        assertThat(request.parameters()).isEmpty();
        assertThat(request.channel()).isEqualTo("Local/5551000@inbound-00000000;2");
        assertThat(request.uniqueId()).isEqualTo("1795346158.1");
        assertThat(request.callerId()).isEqualTo("+15551230001");
        assertThat(request.callerIdName()).isEqualTo("Jane Doe");
        assertThat(request.dnid()).isEqualTo("unknown");
        assertThat(request.extension()).isEqualTo("5551000");
        assertThat(request.context()).isEqualTo("inbound");
        assertThat(request.priority()).isEqualTo("4");
        assertThat(request.arguments()).isEmpty();
        assertThat(request.others()).containsEntry("agi_network", "yes")
                .containsEntry("agi_request", "agi://127.0.0.1:4573/ivr")
                .containsEntry("agi_language", "en")
                .containsEntry("agi_version", "22.10.1")
                .containsEntry("agi_accountcode", "")
                .containsEntry("agi_threadid", "140345351124672")
                .doesNotContainKeys("agi_channel", "agi_network_script");
        assertThat(request.others()).hasSize(13);

        assertThat(messages.subList(1, messages.size())).allMatch(String.class::isInstance)
                .containsExactlyElementsOf(AsteriskCaptures.replyLines("02-fastagi.raw"));
        assertThat(messages.get(1)).isEqualTo("200 result=0");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void decodesTheArgumentsAndQueryOfCapture10() {
        EmbeddedChannel channel = decoder();
        channel.writeInbound(Unpooled.wrappedBuffer(AsteriskCaptures.raw("10-fastagi.raw")));

        List<Object> messages = inbound(channel);
        AgiRequest request = (AgiRequest) messages.get(0);
        assertThat(request.script()).isEqualTo("ivr");
        assertThat(request.parameters()).containsExactly(Map.entry("campaign", "spring"));
        assertThat(request.parameter("campaign", "x")).isEqualTo("spring");
        assertThat(request.parameter("menu", "main")).isEqualTo("main");
        assertThat(request.arguments()).containsExactly("first arg", "second");
        assertThat(request.channel()).isEqualTo("Local/5551013@ivr-args-00000000;2");
        assertThat(request.callerIdName()).isEqualTo("Ned Oak");
        assertThat(request.context()).isEqualTo("ivr-args");
        assertThat(request.priority()).isEqualTo("3");
        assertThat(request.others()).containsEntry("agi_request", "agi://127.0.0.1:4573/ivr?campaign=spring")
                .doesNotContainKeys("agi_arg_1", "agi_arg_2");
        assertThat(messages.subList(1, messages.size()))
                .containsExactly("200 result=0", "200 result=-1 endpos=12000", "HANGUP", "200 result=0",
                        "511 Command Not Permitted on a dead channel or intercept routine", "200 result=1", "200 result=1");
    }

    @Test
    void theEnvironmentMayArriveInPiecesAndWithCrlf() {
        EmbeddedChannel channel = decoder();
        String env = "agi_network_script: ivr?menu=main&lang=es%20MX\r\nagi_chan";
        channel.writeInbound(Unpooled.copiedBuffer(env, StandardCharsets.UTF_8));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.copiedBuffer("nel: PJSIP/trunk-0001\nagi_arg_2: b\nagi_arg_1: a\n\n200 result=0\n",
                StandardCharsets.UTF_8));

        AgiRequest request = channel.readInbound();
        assertThat(request.script()).isEqualTo("ivr");
        assertThat(request.parameters()).containsExactly(Map.entry("menu", "main"), Map.entry("lang", "es MX"));
        assertThat(request.channel()).isEqualTo("PJSIP/trunk-0001");
        assertThat(request.arguments()).containsExactly("a", "b");
        assertThat(request.callerId()).isEmpty();
        assertThat((String) channel.readInbound()).isEqualTo("200 result=0");
    }

    @Test
    void aMalformedEnvironmentLineClosesTheSessionWithoutAReply() {
        EmbeddedChannel channel = decoder();
        channel.writeInbound(Unpooled.copiedBuffer("agi_network: yes\nGET / HTTP/1.1\nagi_channel: x\n\n",
                StandardCharsets.UTF_8));

        assertThat(inbound(channel)).isEmpty();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(registry.get(AgiMetrics.FAILURES).tag("reason", AgiMetrics.MALFORMED_REQUEST).counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void anEndlessEnvironmentIsRejected() {
        EmbeddedChannel channel = decoder();
        StringBuilder env = new StringBuilder();
        for (int i = 0; i <= AgiRequestDecoder.MAX_ENV_LINES; i++) {
            env.append("agi_x").append(i).append(": y\n");
        }
        channel.writeInbound(Unpooled.copiedBuffer(env, StandardCharsets.UTF_8));

        assertThat(inbound(channel)).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }
}

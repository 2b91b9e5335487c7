package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {

    /** Feeds {@code bytes} in chunks of {@code chunk} bytes and returns the frames, split into lines. */
    private static List<List<String>> frames(byte[] bytes, int chunk) {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiFrameDecoder());
        for (int i = 0; i < bytes.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        List<List<String>> out = new ArrayList<>();
        String frame;
        while ((frame = ch.readInbound()) != null) {
            out.add(List.of(frame.split("\r?\n")));
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static byte[] withoutBanner(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Asterisk Call Manager/11.0.0\r\n");
        return text.substring("Asterisk Call Manager/11.0.0\r\n".length()).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-connect-a", "01-connect-b", "01-connect-c", "02-inbound-ivr-queue-agent", "04-hold-park",
        "07-core-show-channels", "08-restart-a", "08-restart-b", "09-userevent-dtmf", "10-ivr-hangup"})
    void splitsWhatAsteriskWroteIntoItsMessages(String capture) {
        byte[] stream = withoutBanner(Fixtures.raw(capture));
        List<List<String>> expected = Fixtures.messages(Fixtures.txt(capture), "S> ");

        assertThat(frames(stream, stream.length)).isEqualTo(expected);
        assertThat(frames(stream, 1)).as("byte by byte").isEqualTo(expected);
        assertThat(frames(stream, 1460)).as("TCP-sized segments").isEqualTo(expected);
    }

    @Test
    void parkResponseWithItsBareLfIsOneFrameAndTheStrayEmptyLineIsSkipped() {
        byte[] stream = withoutBanner(Fixtures.raw("04-hold-park"));
        List<List<String>> frames = frames(stream, 97);

        assertThat(frames).contains(List.of("Response: Success", "ActionID: park-1", "Message: Park successful"));
        assertThat(frames).noneMatch(List::isEmpty);
    }

    @Test
    void splitsTheClientActionsOfATranscript() {
        List<String> transcript = Fixtures.txt("01-connect-b");
        StringBuilder sent = new StringBuilder();
        for (String line : transcript) {
            if (line.startsWith("C> ")) {
                sent.append(line.substring(3)).append("\r\n");
            }
        }
        List<List<String>> frames = frames(sent.toString().getBytes(StandardCharsets.UTF_8), 5);

        assertThat(frames).isEqualTo(Fixtures.messages(transcript, "C> "));
        assertThat(frames.get(0)).containsExactly("Action: Login", "ActionID: login-1", "Username: cti", "Secret: cti-secret",
            "Events: on");
    }

    @Test
    void toleratesBareLfAndMixedTerminatorsAndSkipsEmptyLinesBetweenFrames() {
        String input = "\r\n\nAction: Ping\nActionID: a\n\nAction: Ping\r\nActionID: b\n\r\n\r\n\nAction: Logoff\r\n\r\n";
        List<List<String>> frames = frames(input.getBytes(StandardCharsets.UTF_8), 3);

        assertThat(frames).containsExactly(List.of("Action: Ping", "ActionID: a"), List.of("Action: Ping", "ActionID: b"),
            List.of("Action: Logoff"));
    }

    @Test
    void keepsAnIncompleteFrameUntilItsEmptyLineArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiFrameDecoder());
        ch.writeInbound(Unpooled.copiedBuffer("Action: Ping\r\nActionID: 1\r\n", StandardCharsets.UTF_8));
        assertThat(ch.<Object>readInbound()).isNull();

        ch.writeInbound(Unpooled.copiedBuffer("\r\n", StandardCharsets.UTF_8));
        assertThat(ch.<String>readInbound()).isEqualTo("Action: Ping\r\nActionID: 1\r\n");
        ch.finishAndReleaseAll();
    }

    @Test
    void acceptsAFrameOfExactlyTheLimit() {
        String header = "Action: UserEvent\r\nUserEvent: Big\r\nData: ";
        String frame = header + "x".repeat(AmiFrameDecoder.DEFAULT_MAX_FRAME_BYTES - header.length() - 2) + "\r\n";
        assertThat(frame.length()).isEqualTo(AmiFrameDecoder.DEFAULT_MAX_FRAME_BYTES);

        assertThat(frames((frame + "\r\n").getBytes(StandardCharsets.UTF_8), 4096)).hasSize(1);
    }

    @Test
    void rejectsAFrameOverTheLimitAndDiscardsWhatFollows() {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiFrameDecoder());
        String big = "Action: UserEvent\r\nData: " + "x".repeat(70 * 1024) + "\r\n";

        assertThatThrownBy(() -> ch.writeInbound(Unpooled.copiedBuffer(big, StandardCharsets.UTF_8)))
            .isInstanceOf(AmiFrameTooLongException.class)
            .hasMessageContaining("65536");
        ch.writeInbound(Unpooled.copiedBuffer("\r\nAction: Ping\r\n\r\n", StandardCharsets.UTF_8));
        assertThat(ch.<Object>readInbound()).isNull();
        ch.finishAndReleaseAll();
    }
}

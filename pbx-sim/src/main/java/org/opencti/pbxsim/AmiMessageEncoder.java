package org.opencti.pbxsim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@link AmiMessage} to bytes the way Asterisk writes them: {@code Name: value} CRLF per header, in order,
 * then an empty line (CRLF). An empty value keeps the space after the colon ({@code "AccountCode: "}).
 * Other outbound objects (the banner, a {@link ByteBuf}) pass through untouched.
 */
@ChannelHandler.Sharable
public final class AmiMessageEncoder extends MessageToByteEncoder<AmiMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage msg, ByteBuf out) {
        out.writeCharSequence(render(msg), StandardCharsets.UTF_8);
    }

    /** The wire text of {@code msg}. */
    public static String render(AmiMessage msg) {
        StringBuilder sb = new StringBuilder(64 + msg.headers().size() * 32);
        for (AmiMessage.Header h : msg.headers()) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }
}

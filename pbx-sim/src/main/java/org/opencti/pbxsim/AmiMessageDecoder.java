package org.opencti.pbxsim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Frame ({@link AmiFrameDecoder}) to {@link AmiMessage}. A line {@code Name: value} becomes a header (the
 * name trimmed, blanks after the colon skipped, as Asterisk does; the rest of the value kept as is). A line
 * without a colon is kept in {@link AmiMessage#malformedLines()} so the session can report it.
 */
public final class AmiMessageDecoder extends MessageToMessageDecoder<String> {

    @Override
    protected void decode(ChannelHandlerContext ctx, String frame, List<Object> out) {
        out.add(parse(frame));
    }

    /** Parses one frame (lines ended by CRLF or LF). */
    public static AmiMessage parse(String frame) {
        List<AmiMessage.Header> headers = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        int start = 0;
        while (start < frame.length()) {
            int nl = frame.indexOf('\n', start);
            int stop = nl < 0 ? frame.length() : nl;
            String line = frame.substring(start, stop);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            start = stop + 1;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                malformed.add(line);
                continue;
            }
            String name = line.substring(0, colon).trim();
            int v = colon + 1;
            while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
                v++;
            }
            headers.add(new AmiMessage.Header(name, line.substring(v)));
        }
        return new AmiMessage(headers, malformed);
    }
}

package org.opencti.pbxsim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inbound AMI framing: a message is a run of lines ended by an empty line. Lines end in CRLF, but a bare
 * LF is accepted too (so {@code "\r\n\r\n"}, {@code "\n\n"} and mixes end a frame). Empty lines between
 * frames are skipped. Each frame is passed on as a {@link String} holding its lines with their terminators,
 * without the closing empty line.
 *
 * <p>A frame that grows past {@code maxFrameBytes} without its empty line is rejected with
 * {@link AmiFrameTooLongException}; from then on every inbound byte is discarded (the session handler
 * answers with an error and closes the connection).
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {
    /** 64 KiB: far above any real AMI action, small enough to stop a runaway client. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    private final int maxFrameBytes;
    private boolean failed;

    public AmiFrameDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public AmiFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes too small: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int frameStart = in.readerIndex();
        int lineStart = frameStart;
        int end = in.writerIndex();
        for (int i = frameStart; i < end; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            int lineLength = i - lineStart;
            if (lineLength > 0 && in.getByte(i - 1) == '\r') {
                lineLength--;
            }
            if (lineLength == 0) {
                if (lineStart > frameStart) {
                    checkLength(in, lineStart - frameStart);
                    out.add(in.toString(frameStart, lineStart - frameStart, StandardCharsets.UTF_8));
                }
                frameStart = i + 1;
                in.readerIndex(frameStart);
            }
            lineStart = i + 1;
        }
        checkLength(in, end - frameStart);
    }

    private void checkLength(ByteBuf in, int length) throws AmiFrameTooLongException {
        if (length > maxFrameBytes) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new AmiFrameTooLongException(maxFrameBytes);
        }
    }
}

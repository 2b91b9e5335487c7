package org.opencti.ivr.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits after a line decoder: collects the {@code agi_*: value} lines up to the empty line, then emits one
 * {@link AgiRequest} and passes every later line through unchanged (as a {@code String}).
 * A malformed environment line gets no reply: the session is closed with a warning.
 */
public final class AgiRequestDecoder extends ChannelInboundHandlerAdapter {
    /** More environment lines than this is not Asterisk talking. */
    static final int MAX_ENV_LINES = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AgiRequestDecoder.class);
    private static final Pattern KEY = Pattern.compile("agi_[A-Za-z0-9_]+");

    private enum State { ENVIRONMENT, SESSION, REJECTED }

    private final AgiMetrics metrics;
    private final Map<String, String> env = new LinkedHashMap<>();
    private State state = State.ENVIRONMENT;

    public AgiRequestDecoder() {
        this(null);
    }

    AgiRequestDecoder(AgiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof String line)) {
            ctx.fireChannelRead(msg);
            return;
        }
        switch (state) {
            case SESSION -> ctx.fireChannelRead(line);
            case ENVIRONMENT -> environmentLine(ctx, line);
            case REJECTED -> {
                // the session is closing; whatever else was in the buffer is dropped
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void environmentLine(ChannelHandlerContext ctx, String line) {
        if (line.isEmpty()) {
            state = State.SESSION;
            ctx.fireChannelRead(AgiRequest.fromEnvironment(env, peer(ctx)));
            env.clear();
            return;
        }
        int colon = line.indexOf(':');
        String key = colon < 0 ? "" : line.substring(0, colon);
        if (!KEY.matcher(key).matches()) {
            reject(ctx, "sent a malformed environment line '" + abbreviate(line) + "'");
            return;
        }
        if (env.size() >= MAX_ENV_LINES) {
            reject(ctx, "sent more than " + MAX_ENV_LINES + " environment lines");
            return;
        }
        String value = line.substring(colon + 1);
        env.put(key, value.startsWith(" ") ? value.substring(1) : value);
    }

    /** The calling Asterisk's address, which tells one box from another. */
    private static String peer(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
            ? address.getAddress().getHostAddress() : "";
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        state = State.REJECTED;
        env.clear();
        LOG.warn("FastAGI client {} {}; closing without a reply", ctx.channel().remoteAddress(), why);
        if (metrics != null) {
            metrics.failure(AgiMetrics.MALFORMED_REQUEST);
        }
        ctx.close();
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}

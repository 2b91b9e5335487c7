package org.opencti.ivr.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a FastAGI connection: on the {@link AgiRequest} it picks the script and runs it over an
 * {@link AgiSession}; reply lines go to the session; when the script's stage completes the connection closes.
 */
final class AgiSessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSessionHandler.class);

    private final AgiScriptRouter router;
    private final AgiMetrics metrics;
    private AgiSession session;
    private ScheduledFuture<?> requestTimeout;

    AgiSessionHandler(AgiScriptRouter router, AgiMetrics metrics) {
        this.router = router;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        metrics.opened();
        session = new AgiSession(ctx.channel(), metrics);
        requestTimeout = ctx.executor().schedule(() -> {
            LOG.warn("FastAGI client {} sent no complete environment block within {} s; closing", ctx.channel().remoteAddress(),
                    FastAgiServer.REQUEST_TIMEOUT_SECONDS);
            metrics.failure(AgiMetrics.REQUEST_TIMEOUT);
            ctx.close();
        }, FastAgiServer.REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.closed();
        if (session != null) {
            requestTimeout.cancel(false);
            session.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!ctx.channel().isActive()) {
            return; // closing: the rest of the last read is dropped
        }
        if (msg instanceof AgiRequest request) {
            requestTimeout.cancel(false);
            start(ctx, request);
        } else if (msg instanceof String line) {
            try {
                session.onLine(line);
            } catch (AgiProtocolException e) {
                LOG.warn("FastAGI client {}: {}; closing", ctx.channel().remoteAddress(), e.getMessage());
                metrics.failure(AgiMetrics.PROTOCOL);
                session.onProtocolError(e);
                ctx.close();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, AgiRequest request) {
        Optional<AgiScript> script = router.route(request);
        if (script.isEmpty()) {
            LOG.warn("FastAGI client {} asked for unknown script '{}' (channel {}); closing",
                    ctx.channel().remoteAddress(), request.script(), request.channel());
            metrics.failure(AgiMetrics.UNKNOWN_SCRIPT);
            session.verbose("unknown script " + request.script()).whenComplete((r, t) -> ctx.close());
            return;
        }
        run(script.get(), request).whenComplete((v, failure) -> {
            if (failure != null) {
                report(ctx, request, failure);
            }
            ctx.close();
        });
    }

    private CompletionStage<Void> run(AgiScript script, AgiRequest request) {
        try {
            CompletionStage<Void> stage = script.run(request, session);
            return stage != null ? stage : CompletableFuture.failedFuture(new IllegalStateException("script returned null"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void report(ChannelHandlerContext ctx, AgiRequest request, Throwable failure) {
        Throwable cause = AgiException.unwrap(failure);
        if (AgiException.isCallerGone(cause)) {
            LOG.debug("FastAGI script '{}' on {} ended: {}", request.script(), request.channel(), cause.toString());
        } else {
            LOG.warn("FastAGI script '{}' on {} from {} failed", request.script(), request.channel(),
                    ctx.channel().remoteAddress(), cause);
            metrics.failure(AgiMetrics.SCRIPT_ERROR);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.warn("FastAGI client {} sent a line longer than {} bytes; closing", ctx.channel().remoteAddress(),
                    FastAgiServer.MAX_LINE_LENGTH);
            metrics.failure(AgiMetrics.LINE_TOO_LONG);
        } else if (cause instanceof IOException) {
            LOG.debug("FastAGI client {}: {}", ctx.channel().remoteAddress(), cause.toString());
            metrics.failure(AgiMetrics.IO);
        } else {
            LOG.warn("FastAGI client {}: unexpected error; closing", ctx.channel().remoteAddress(), cause);
            metrics.failure(AgiMetrics.PROTOCOL);
        }
        ctx.close();
    }
}

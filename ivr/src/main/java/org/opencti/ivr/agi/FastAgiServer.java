package org.opencti.ivr.agi;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking FastAGI server (Asterisk's {@code AGI(agi://host:port/script?...)} connects to it).
 * Each connection: lines (at most {@value #MAX_LINE_LENGTH} bytes, else the session is closed) are decoded
 * into the {@link AgiRequest}, the {@link AgiScriptRouter} picks the {@link AgiScript}, the script converses
 * through an {@link AgiChannel}, and the connection closes when the script is done. No thread is held per call.
 *
 * <p>Meters: {@code cti.ivr.agi.sessions.active} (gauge), {@code cti.ivr.agi.sessions} (accepted),
 * {@code cti.ivr.agi.failures} (tag {@code reason}), {@code cti.ivr.agi.hangups}.
 */
public final class FastAgiServer implements AutoCloseable {
    /** Longest line accepted from Asterisk, without its terminator. */
    public static final int MAX_LINE_LENGTH = 8 * 1024;
    /** Time Asterisk has to send the whole environment block after connecting. */
    static final int REQUEST_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(FastAgiServer.class);

    private final String bindHost;
    private final int requestedPort;
    private final AgiScriptRouter router;
    private final AgiMetrics metrics;
    private final ChannelGroup sessions = new DefaultChannelGroup("fastagi-sessions", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public FastAgiServer(String bindHost, int port, AgiScriptRouter router, MeterRegistry registry) {
        this.bindHost = Objects.requireNonNull(bindHost, "bindHost");
        this.requestedPort = port;
        this.router = Objects.requireNonNull(router, "router");
        this.metrics = new AgiMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /** Binds and returns once the port is open. Port 0 picks a free port (see {@link #port()}). */
    public synchronized FastAgiServer start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("fastagi-accept"));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("fastagi-io"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        sessions.add(ch);
                        initPipeline(ch.pipeline(), router, metrics);
                    }
                });
        ChannelFuture bound = bootstrap.bind(bindHost, requestedPort).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            throw new IllegalStateException("FastAGI server cannot bind " + bindHost + ":" + requestedPort, bound.cause());
        }
        serverChannel = bound.channel();
        LOG.info("FastAGI server listening on {}", serverChannel.localAddress());
        return this;
    }

    /** The handlers of one FastAGI connection, in order. */
    static void initPipeline(ChannelPipeline pipeline, AgiScriptRouter router, AgiMetrics metrics) {
        pipeline.addLast("lines", new LineBasedFrameDecoder(MAX_LINE_LENGTH, true, true))
                .addLast("text", new StringDecoder(StandardCharsets.UTF_8))
                .addLast("commands", new StringEncoder(StandardCharsets.UTF_8))
                .addLast("request", new AgiRequestDecoder(metrics))
                .addLast("session", new AgiSessionHandler(router, metrics));
    }

    /** The bound port. */
    public synchronized int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Sessions open now. */
    public int activeSessions() {
        return metrics.active();
    }

    /** Stops accepting, closes every open session (their scripts see {@link AgiSessionClosed}) and stops the threads. */
    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        sessions.close().awaitUninterruptibly();
        shutdownGroups();
        LOG.info("FastAGI server on {} closed", serverChannel.localAddress());
        serverChannel = null;
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

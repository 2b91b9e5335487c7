package org.opencti.pbxsim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@code AGI(agi://host:port/script?query,arg1,arg2)} application: Asterisk is the FastAGI
 * TCP <em>client</em>. On connect it sends the {@code agi_} environment (LF lines, then an empty line), then
 * answers one command per line ({@link AgiCommands}). When the channel hangs up the running command
 * ends with {@code result=-1} and {@code HANGUP} is written just before the reply to the next command, as
 * in capture 10. When the FastAGI server closes: {@code AGISTATUS} SUCCESS (the dialplan continues, where
 * SET CONTEXT/EXTENSION/PRIORITY pointed) or HANGUP (the channel goes). Connection failure: FAILURE.
 *
 * <p>State is touched on the core thread only; socket callbacks hop onto it.
 */
final class AgiSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);
    private static final int CONNECT_TIMEOUT_MS = 2000;

    final PbxCore core;
    final Chan ch;
    private final String request;
    private final String script;
    private final String host;
    private final int port;
    private final List<String> args = new ArrayList<>();
    private final AgiCommands commands;
    private Channel socket;
    boolean dead;
    private boolean hangupNotice;
    private boolean ended;
    /** Where the dialplan continues after the AGI (SET CONTEXT / SET EXTENSION / SET PRIORITY). */
    String nextContext;
    String nextExten;
    Integer nextPriority;

    AgiSession(PbxCore core, Chan ch, String data) {
        this.core = core;
        this.ch = ch;
        String[] parts = data.split(",");
        this.request = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            args.add(parts[i]);
        }
        String h = null;
        int p = 4573;
        String s = "";
        if (request.startsWith("agi://")) {
            String rest = request.substring(6);
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            s = slash < 0 ? "" : rest.substring(slash + 1);
            int colon = hostPort.lastIndexOf(':');
            h = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                p = Integer.parseInt(hostPort.substring(colon + 1));
            }
        }
        this.host = h;
        this.port = p;
        this.script = s;
        this.commands = new AgiCommands(this);
    }

    void start() {
        ch.agi = this;
        if (host == null || host.isEmpty()) {
            LOG.warn("{}: AGI '{}' is not a FastAGI URL", ch, request);
            core.later(() -> connectFailed("not a FastAGI URL"));
            return;
        }
        Bootstrap b = new Bootstrap().group(core.io).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast(new LineBasedFrameDecoder(64 * 1024), new StringDecoder(StandardCharsets.UTF_8),
                        new StringEncoder(StandardCharsets.UTF_8), new Handler());
                }
            });
        ChannelFuture f = b.connect(host, port);
        f.addListener(done -> core.later(() -> {
            if (done.isSuccess()) {
                connected(f.channel());
            } else {
                connectFailed(String.valueOf(done.cause()));
            }
        }));
    }

    private void connected(Channel c) {
        if (ended) {
            c.close();
            return;
        }
        socket = c;
        core.record(SimRecord.Kind.AGI_STARTED, ch.name, request);
        c.writeAndFlush(environment());
    }

    private void connectFailed(String why) {
        if (ended) {
            return;
        }
        LOG.warn("{}: FastAGI {}:{} unreachable ({}); AGISTATUS=FAILURE", ch, host, port, why);
        core.record(SimRecord.Kind.AGI_FAILED, ch.name, request);
        finish("FAILURE");
    }

    String environment() {
        String num = Chan.UNKNOWN.equals(ch.cidNum) || ch.cidNum.isEmpty() ? "unknown" : ch.cidNum;
        String name = Chan.UNKNOWN.equals(ch.cidName) || ch.cidName.isEmpty() ? "unknown" : ch.cidName;
        StringBuilder sb = new StringBuilder();
        line(sb, "agi_network", "yes");
        line(sb, "agi_network_script", script);
        line(sb, "agi_request", request);
        line(sb, "agi_channel", ch.name);
        line(sb, "agi_language", "en");
        line(sb, "agi_type", ch.name.contains("/") ? ch.name.substring(0, ch.name.indexOf('/')) : "Local");
        line(sb, "agi_uniqueid", ch.uniqueid);
        line(sb, "agi_version", "22.10.1");
        line(sb, "agi_callerid", num);
        line(sb, "agi_calleridname", name);
        line(sb, "agi_callingpres", "0");
        line(sb, "agi_callingani2", "0");
        line(sb, "agi_callington", "0");
        line(sb, "agi_callingtns", "0");
        line(sb, "agi_dnid", "unknown");
        line(sb, "agi_rdnis", "unknown");
        line(sb, "agi_context", ch.context);
        line(sb, "agi_extension", ch.exten);
        line(sb, "agi_priority", Integer.toString(ch.priority));
        line(sb, "agi_enhanced", "0.0");
        line(sb, "agi_accountcode", "");
        line(sb, "agi_threadid", Long.toString(140_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        for (int i = 0; i < args.size(); i++) {
            line(sb, "agi_arg_" + (i + 1), args.get(i));
        }
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(name).append(": ").append(value).append('\n');
    }

    /** Writes one reply (one or more lines), preceded by {@code HANGUP} if the channel went since the last one. */
    void reply(String text) {
        if (socket == null || ended) {
            return;
        }
        if (hangupNotice) {
            hangupNotice = false;
            socket.write("HANGUP\n");
        }
        socket.writeAndFlush(text + "\n");
    }

    /** The channel hung up while in AGI: the running command ends with -1; HANGUP goes before the next reply. */
    void channelHungUp() {
        if (dead || ended) {
            return;
        }
        dead = true;
        commands.hangupDuringCommand();
        hangupNotice = true;
    }

    /** A keypad digit was queued on the channel. */
    void digitArrived() {
        if (!ended) {
            commands.digitArrived();
        }
    }

    private void serverClosed() {
        if (!ended) {
            finish(dead ? "HANGUP" : "SUCCESS");
        }
    }

    private void finish(String status) {
        if (ended) {
            return;
        }
        ended = true;
        commands.cancel();
        if (socket != null) {
            socket.close();
        }
        if (ch.agi == this) {
            ch.agi = null;
        }
        if (ch.dying) {
            return;
        }
        core.setVar(ch, "AGISTATUS", status);
        if (!"FAILURE".equals(status)) {
            core.record(SimRecord.Kind.AGI_ENDED, ch.name, status);
        }
        core.runner.agiReturned(ch, nextContext, nextExten, nextPriority);
    }

    /** Ends the session without touching the dialplan (bridge, redirect, restart): the socket just closes. */
    void detach() {
        ended = true;
        commands.cancel();
        if (socket != null) {
            socket.close();
        }
    }

    /** Socket side: lines and close, handed to the core thread. */
    private final class Handler extends SimpleChannelInboundHandler<String> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            core.later(() -> {
                if (!ended) {
                    commands.onLine(line);
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            core.later(AgiSession.this::serverClosed);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("FastAGI connection of {} failed: {}", ch, cause.toString());
            ctx.close();
        }
    }
}

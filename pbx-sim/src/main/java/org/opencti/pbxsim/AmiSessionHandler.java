package org.opencti.pbxsim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI connection, the way Asterisk 22 runs it: the banner at once; Login (plain or Challenge/MD5),
 * Logoff, Ping and Events here; every other action, once logged in, to the {@link AmiBackend}.
 * Before Login every action but Login/Challenge/Logoff gets {@code Permission denied}; a failed Login is
 * answered after {@link AmiBackend#authFailureDelay()} and the connection closed. Inbound messages are
 * handled on {@link AmiBackend#execute}'s thread, one after the other, so responses keep the order of the
 * actions and their place among the events.
 */
public final class AmiSessionHandler extends SimpleChannelInboundHandler<AmiMessage> implements AmiSession {
    /** The first line Asterisk writes: a single line, no empty line after it. */
    public static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

    private static final Logger LOG = LoggerFactory.getLogger(AmiSessionHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AmiBackend backend;
    private volatile ChannelHandlerContext ctx;
    private volatile boolean authenticated;
    private volatile boolean eventsOn = true;
    private volatile boolean closing;
    private String challenge;
    private String username;
    private final String sessionId = "0x7f" + Long.toHexString(0x1000000000L + RANDOM.nextInt(Integer.MAX_VALUE));
    private Instant connectedAt;

    public AmiSessionHandler(AmiBackend backend) {
        this.backend = backend;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        this.ctx = context;
        this.connectedAt = backend.clock().instant();
        context.writeAndFlush(Unpooled.copiedBuffer(BANNER, StandardCharsets.US_ASCII));
        super.channelActive(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        authenticated = false;
        backend.closed(this);
        super.channelInactive(context);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, AmiMessage m) {
        backend.execute(() -> process(m));
    }

    /** Handles one inbound message, on the backend's thread (actions of one session are answered in order). */
    private void process(AmiMessage m) {
        if (closing) {
            return;
        }
        String action = m.action();
        if (action != null && !action.isBlank()) {
            backend.actionReceived(action.trim());
        }
        if (!m.malformedLines().isEmpty()) {
            send(AmiReplies.error(m, "Malformed line (no colon): " + m.malformedLines().get(0)));
            return;
        }
        if (action == null || action.isBlank()) {
            send(AmiReplies.error(m, "Missing action in request"));
            return;
        }
        String name = action.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "login" -> login(m);
            case "challenge" -> challenge(m);
            case "logoff" -> logoff(m);
            default -> {
                if (!authenticated) {
                    send(AmiReplies.error(m, "Permission denied"));
                } else {
                    loggedInAction(name, action.trim(), m);
                }
            }
        }
    }

    private void loggedInAction(String name, String action, AmiMessage m) {
        switch (name) {
            case "ping" -> send(AmiReplies.response(m, "Success").add("Ping", "Pong")
                .add("Timestamp", AmiTime.timestamp(backend.clock().instant())).build());
            case "events" -> {
                String mask = m.getOr("EventMask", "on");
                eventsOn = !"off".equalsIgnoreCase(mask.trim());
                send(AmiReplies.response(m, "Success").add("Events", eventsOn ? "On" : "Off").build());
            }
            default -> {
                if (backend.supports(name)) {
                    backend.dispatch(this, m);
                } else {
                    send(AmiReplies.error(m, "Invalid/unknown command: " + action
                        + ". Use Action: ListCommands to show available commands."));
                }
            }
        }
    }

    private void challenge(AmiMessage m) {
        if (!"md5".equalsIgnoreCase(m.getOr("AuthType", ""))) {
            send(AmiReplies.error(m, "Must specify AuthType"));
            return;
        }
        if (challenge == null) {
            challenge = Integer.toString(100_000_000 + RANDOM.nextInt(900_000_000));
        }
        send(AmiReplies.response(m, "Success").add("Challenge", challenge).build());
    }

    private void login(AmiMessage m) {
        if (authenticated) {
            send(AmiReplies.success(m, "Already authenticated"));
            return;
        }
        String user = m.getOr("Username", "");
        String secret = backend.secretOf(user);
        boolean ok;
        if ("md5".equalsIgnoreCase(m.getOr("AuthType", ""))) {
            ok = secret != null && challenge != null && md5(challenge + secret).equalsIgnoreCase(m.getOr("Key", ""));
        } else {
            ok = secret != null && secret.equals(m.get("Secret"));
        }
        if (!ok) {
            closing = true;
            AmiMessage failed = AmiReplies.error(m, "Authentication failed");
            long delay = backend.authFailureDelay().toMillis();
            Runnable reply = () -> ctx.writeAndFlush(failed).addListener(ChannelFutureListener.CLOSE);
            if (delay <= 0) {
                reply.run();
            } else {
                ctx.executor().schedule(reply, delay, TimeUnit.MILLISECONDS);
            }
            return;
        }
        username = user;
        String events = m.get("Events");
        eventsOn = events == null || !"off".equalsIgnoreCase(events.trim());
        send(AmiReplies.success(m, "Authentication accepted"));
        long uptime = backend.uptimeSeconds();
        send(AmiMessage.builder().add("Event", "FullyBooted").add("Privilege", "system,all")
            .add("Uptime", uptime).add("LastReload", backend.lastReloadSeconds())
            .add("Status", "Fully Booted").build());
        authenticated = true;
        sendEvent(successfulAuth());
        backend.authenticated(this);
    }

    private AmiMessage successfulAuth() {
        Instant now = backend.clock().instant();
        return AmiMessage.builder().add("Event", "SuccessfulAuth").add("Privilege", "security,all")
            .add("Timestamp", AmiTime.timestamp(now)).add("EventTV", AmiTime.eventTv(now))
            .add("Severity", "Informational").add("Service", "AMI").add("EventVersion", "1")
            .add("AccountID", username).add("SessionID", sessionId)
            .add("LocalAddress", localAddress()).add("RemoteAddress", remoteAddress())
            .add("UsingPassword", "0").add("SessionTV", AmiTime.eventTv(connectedAt)).build();
    }

    private void logoff(AmiMessage m) {
        closing = true;
        authenticated = false;
        ctx.writeAndFlush(AmiReplies.response(m, "Goodbye").add("Message", "Thanks for all the fish.").build())
            .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof AmiFrameTooLongException)) {
            root = root.getCause();
        }
        if (root instanceof AmiFrameTooLongException tooLong) {
            LOG.warn("AMI client {} sent a message over {} bytes; closing", remoteAddress(), tooLong.limit());
            closing = true;
            authenticated = false;
            context.writeAndFlush(AmiMessage.builder().add("Response", "Error")
                    .add("Message", "Message too long: over " + tooLong.limit() + " bytes without an empty line").build())
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        LOG.debug("AMI connection {} failed: {}", remoteAddress(), cause.toString());
        context.close();
    }

    @Override
    public void send(AmiMessage message) {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.writeAndFlush(message);
        }
    }

    @Override
    public void sendEvent(AmiMessage event) {
        if (authenticated && eventsOn && !closing) {
            send(event);
        }
    }

    @Override
    public void close() {
        closing = true;
        authenticated = false;
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void abort() {
        closing = true;
        authenticated = false;
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            c.close();
        }
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public String remoteAddress() {
        ChannelHandlerContext c = ctx;
        return c == null ? "" : format(c.channel().remoteAddress());
    }

    @Override
    public String localAddress() {
        ChannelHandlerContext c = ctx;
        return c == null ? "" : format(c.channel().localAddress());
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String family = inet.getAddress().getAddress().length == 4 ? "IPV4" : "IPV6";
            return family + "/TCP/" + inet.getAddress().getHostAddress() + "/" + inet.getPort();
        }
        return String.valueOf(address);
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not available", e);
        }
    }
}

package org.opencti.ivr.agi;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AgiChannel} of one connection. All state is touched only on the connection's event loop;
 * commands issued from elsewhere hop onto it. At most one command is on the wire; the others wait in order.
 */
final class AgiSession implements AgiChannel {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);
    private static final String HANGUP = "HANGUP";

    private record Pending(String command, CompletableFuture<AgiReply> reply) {
    }

    private final Channel channel;
    private final AgiMetrics metrics;
    private final AgiReplyParser parser = new AgiReplyParser();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private Pending inFlight;
    /** Replies still to come for commands already failed by HANGUP; they are read and dropped. */
    private int orphanReplies;
    private volatile boolean hungUp;
    private boolean closed;

    AgiSession(Channel channel, AgiMetrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<AgiReply> command(String commandLine) {
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        if (commandLine.indexOf('\n') >= 0 || commandLine.indexOf('\r') >= 0) {
            reply.completeExceptionally(new IllegalArgumentException("line break in AGI command: " + commandLine.strip()));
            return reply;
        }
        Pending pending = new Pending(commandLine, reply);
        if (channel.eventLoop().inEventLoop()) {
            enqueue(pending);
        } else {
            try {
                channel.eventLoop().execute(() -> enqueue(pending));
            } catch (RejectedExecutionException shutDown) {
                reply.completeExceptionally(new AgiSessionClosed(commandLine));
            }
        }
        return reply;
    }

    @Override
    public boolean isHungUp() {
        return hungUp;
    }

    private void enqueue(Pending pending) {
        if (hungUp) {
            pending.reply().completeExceptionally(new CallerHungUp(pending.command()));
        } else if (closed) {
            pending.reply().completeExceptionally(new AgiSessionClosed(pending.command()));
        } else {
            waiting.add(pending);
            sendNext();
        }
    }

    private void sendNext() {
        if (inFlight != null || waiting.isEmpty() || closed || hungUp) {
            return;
        }
        Pending next = waiting.poll();
        inFlight = next;
        LOG.debug("{} > {}", channel.remoteAddress(), next.command());
        channel.writeAndFlush(next.command() + "\n").addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                LOG.debug("{} write failed: {}", channel.remoteAddress(), f.cause().toString());
                f.channel().close();
            }
        });
    }

    /** One line from Asterisk after the environment block. */
    void onLine(String line) {
        LOG.debug("{} < {}", channel.remoteAddress(), line);
        if (HANGUP.equals(line)) {
            onHangup();
            return;
        }
        if (inFlight == null && orphanReplies == 0) {
            LOG.warn("FastAGI client {} sent '{}' with no command in flight; ignored", channel.remoteAddress(), line);
            return;
        }
        AgiReply reply = parser.accept(line);
        if (reply == null) {
            return;
        }
        if (orphanReplies > 0) {
            orphanReplies--;
            return;
        }
        Pending done = inFlight;
        inFlight = null;
        if (reply.isSuccess()) {
            done.reply().complete(reply);
        } else {
            done.reply().completeExceptionally(new AgiCommandFailed(done.command(), reply));
        }
        sendNext();
    }

    private void onHangup() {
        if (!hungUp) {
            hungUp = true;
            metrics.hangup();
        }
        List<Pending> failed = new ArrayList<>();
        if (inFlight != null) {
            failed.add(inFlight);
            inFlight = null;
            orphanReplies++;
        }
        failed.addAll(waiting);
        waiting.clear();
        failed.forEach(p -> p.reply().completeExceptionally(new CallerHungUp(p.command())));
    }

    /** The connection is gone: everything still waiting fails. */
    void onClosed() {
        fail(AgiSessionClosed::new);
    }

    /** Asterisk sent something unreadable: everything still waiting fails with it. */
    void onProtocolError(AgiProtocolException error) {
        fail(command -> error);
    }

    private void fail(Function<String, AgiException> failure) {
        closed = true;
        List<Pending> failed = new ArrayList<>();
        if (inFlight != null) {
            failed.add(inFlight);
            inFlight = null;
        }
        failed.addAll(waiting);
        waiting.clear();
        failed.forEach(p -> p.reply().completeExceptionally(failure.apply(p.command())));
    }
}

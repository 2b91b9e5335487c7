package org.opencti.core.adapter.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.opencti.core.cluster.DesktopRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop frames between nodes over Redis pub/sub, on the channel {@code <prefix>desktop}. A message is
 * {@code <n>:<node><u>:<user><frame>}: the sending node's id and the user id each after its length in chars, then the
 * frame as it is, so ids and frames of any content (newlines, colons, 64 KiB of JSON) arrive intact with nothing to
 * escape. A node skips its own messages (the channel echoes them back).
 *
 * <p>Publishing is an async command on the link's command connection: it never waits for Redis, and a publish that
 * fails (no link within the 2 s timeout) is counted in {@code cti.relay.publish.failures} and logged at most every
 * 10 s. Frames from other nodes are handed over on Lettuce's event-loop thread, in the order each node published them,
 * so the subscriber must not block. One relay per {@link RedisLink}; closing the relay unsubscribes, the link stays.
 */
public final class RedisDesktopRelay implements DesktopRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RedisDesktopRelay.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RedisLink link;
    private final String nodeId;
    private final String channel;
    private final Counter failures;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private RedisPubSubAdapter<String, String> listener;

    /** @param nodeId this node's configured id: what it puts on its messages and skips when they come back */
    public RedisDesktopRelay(RedisLink link, String nodeId) {
        this.link = Objects.requireNonNull(link, "link");
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        this.nodeId = nodeId;
        this.channel = link.prefix() + "desktop";
        this.failures = link.registry() == null ? null : Counter.builder("cti.relay.publish.failures")
            .description("desktop frames that could not be published to the other nodes").register(link.registry());
    }

    @Override
    public void publish(String userId, String frame) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(frame, "frame");
        String message = envelope(nodeId, userId, frame);
        try {
            link.async().publish(channel, message).whenComplete((receivers, error) -> {
                if (error != null) {
                    failed(error);
                }
            });
        } catch (RuntimeException e) {
            failed(e); // a closed connection may refuse at once instead of failing the future
        }
    }

    @Override
    public synchronized void subscribe(BiConsumer<String, String> onFrame) {
        Objects.requireNonNull(onFrame, "onFrame");
        if (listener != null) {
            throw new IllegalStateException("already subscribed");
        }
        listener = new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    received(message, onFrame);
                }
            }
        };
        StatefulRedisPubSubConnection<String, String> pubSub = link.pubSub();
        pubSub.addListener(listener);
        pubSub.sync().subscribe(channel);
        LOG.info("desktop frames from other nodes relayed on channel {}", channel);
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> pubSub = link.pubSub();
        pubSub.removeListener(listener);
        listener = null;
        try {
            pubSub.async().unsubscribe(channel);
        } catch (RuntimeException e) {
            LOG.debug("could not unsubscribe from {} (the link is closing?): {}", channel, e.toString());
        }
    }

    private void received(String message, BiConsumer<String, String> onFrame) {
        String[] parts;
        try {
            parts = open(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a malformed message on {}: {}", channel, e.getMessage());
            return;
        }
        if (parts[0].equals(nodeId)) {
            return;
        }
        try {
            onFrame.accept(parts[1], parts[2]);
        } catch (RuntimeException e) {
            // the next frames must still arrive: Lettuce would only log it, without saying for whom
            LOG.warn("a desktop frame from node {} for user {} failed here", parts[0], parts[1], e);
        }
    }

    private void failed(Throwable error) {
        if (failures != null) {
            failures.increment();
        }
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            LOG.warn("desktop frames are not reaching the other nodes: {}", error.toString());
        }
    }

    static String envelope(String node, String user, String frame) {
        return node.length() + ":" + node + user.length() + ":" + user + frame;
    }

    /** Node, user and frame out of a message. */
    static String[] open(String message) {
        int[] at = {0};
        String node = field(message, at, "node");
        String user = field(message, at, "user");
        return new String[] {node, user, message.substring(at[0])};
    }

    private static String field(String message, int[] at, String what) {
        int colon = message.indexOf(':', at[0]);
        if (colon <= at[0] || colon - at[0] > 9) {
            throw new IllegalArgumentException("no " + what + " length at char " + at[0]);
        }
        int length;
        try {
            length = Integer.parseInt(message.substring(at[0], colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " length at char " + at[0] + " is not a number");
        }
        if (length < 0 || colon + 1 + length > message.length()) {
            throw new IllegalArgumentException("the " + what + " length " + length + " runs past the message");
        }
        at[0] = colon + 1 + length;
        return message.substring(colon + 1, at[0]);
    }
}

package org.opencti.core.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's link to the Redis the nodes share, for every cluster port ({@link RedisFloor}, {@link RedisLiveCallStore},
 * {@link RedisDesktopRelay}): one Lettuce client, one command connection (thread-safe, shared by the adapters) and, the
 * first time a relay asks, one pub/sub connection. 2 s connect and command timeouts; the URI (it may hold a password) is
 * never logged or put in an exception whole. Closing the link closes every adapter built on it.
 */
public final class RedisLink implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    private final String prefix;
    private final MeterRegistry registry;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private StatefulRedisPubSubConnection<String, String> pubSub;

    /**
     * @param uri       e.g. {@code redis://127.0.0.1:6379} or {@code redis://:secret@host:6379/0}; never logged whole
     * @param keyPrefix put in front of every key and channel (e.g. {@code "cti:"}); the nodes of one floor share it
     * @param registry  where command latencies ({@code lettuce.command.*}) and the adapters' counters go; null for none
     */
    public RedisLink(String uri, String keyPrefix, MeterRegistry registry) {
        Objects.requireNonNull(uri, "uri");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.registry = registry;
        RedisURI redisUri = parse(uri);
        redisUri.setTimeout(COMMAND_TIMEOUT);
        ClientResources.Builder builder = ClientResources.builder();
        if (registry != null) {
            builder.commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry,
                MicrometerOptions.builder().histogram(true).build()));
        }
        this.resources = builder.build();
        this.client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
            .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .build());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            shutdownClient();
            throw e;
        }
        connection.setTimeout(COMMAND_TIMEOUT);
        LOG.info("cluster link to Redis at {}:{} db {} under prefix '{}'", redisUri.getHost(), redisUri.getPort(),
            redisUri.getDatabase(), prefix);
    }

    /** A link without metrics. */
    public RedisLink(String uri, String keyPrefix) {
        this(uri, keyPrefix, null);
    }

    String prefix() {
        return prefix;
    }

    /** Null when the link was made without one. */
    MeterRegistry registry() {
        return registry;
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    RedisAsyncCommands<String, String> async() {
        return connection.async();
    }

    /** The pub/sub connection, opened on the first call (only a node relaying desktop frames needs one). */
    synchronized StatefulRedisPubSubConnection<String, String> pubSub() {
        if (pubSub == null) {
            pubSub = client.connectPubSub();
            pubSub.setTimeout(COMMAND_TIMEOUT);
        }
        return pubSub;
    }

    @Override
    public synchronized void close() {
        try {
            if (pubSub != null) {
                pubSub.close();
            }
            connection.close();
        } finally {
            shutdownClient();
        }
    }

    private void shutdownClient() {
        client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
        // the client does not shut down resources it was given
        resources.shutdown(0, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Parses without letting the URI (which may hold a password) into an exception message. */
    private static RedisURI parse(String uri) {
        try {
            return RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Redis URI (" + e.getClass().getSimpleName() + ")");
        }
    }
}

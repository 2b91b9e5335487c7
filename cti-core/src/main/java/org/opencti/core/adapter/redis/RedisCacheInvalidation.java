package org.opencti.core.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.core.adapter.cache.CacheInvalidation;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the customer caches of several nodes in step over Redis pub/sub: what a write through this node drops from its
 * cache is published on {@code <prefix>customers:invalidated} as {@code <node> <TYPE> <value>}, and what the other
 * nodes publish is dropped here. Pub/sub is fire and forget: a message sent while this node was not subscribed is lost,
 * so on every (re)subscription the whole cache is dropped; between a broken link and the resubscription the cache's
 * time to live bounds what can be missed. Publishing is asynchronous, never holding up the write.
 */
public final class RedisCacheInvalidation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCacheInvalidation.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final CachingCustomerDirectory cache;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param uri       e.g. {@code redis://127.0.0.1:6379}; never logged whole
     * @param keyPrefix in front of the channel name, as for the keys (e.g. {@code "cti:"}); nodes of one site share it
     */
    public RedisCacheInvalidation(String uri, String keyPrefix, CachingCustomerDirectory cache) {
        Objects.requireNonNull(uri, "uri");
        this.channel = Objects.requireNonNull(keyPrefix, "keyPrefix") + "customers:invalidated";
        this.cache = Objects.requireNonNull(cache, "cache");
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Redis URI (" + e.getClass().getSimpleName() + ")");
        }
        redisUri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
            .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build()).build());
        try {
            this.publisher = client.connect();
            this.subscriber = client.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    if (channel.equals(from)) {
                        received(message);
                    }
                }

                @Override
                public void subscribed(String to, long count) {
                    // also called when Lettuce resubscribes after a reconnect: what was published meanwhile is lost
                    cache.invalidateAll();
                }
            });
            subscriber.sync().subscribe(channel);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, TIMEOUT);
            throw e;
        }
        cache.onInvalidation(this::publish);
        LOG.info("customer cache invalidations shared over Redis at {}:{} on channel {}", redisUri.getHost(),
            redisUri.getPort(), channel);
    }

    private void publish(CacheInvalidation invalidation) {
        publisher.async().publish(channel, node + " " + invalidation.wire());
    }

    /** Another node's message (ours come back too and are skipped); a malformed one is counted and logged, not applied. */
    void received(String message) {
        int space = message.indexOf(' ');
        if (space > 0 && message.substring(0, space).equals(node)) {
            return;
        }
        try {
            if (space <= 0) {
                throw new IllegalArgumentException("no sending node in the message");
            }
            cache.apply(CacheInvalidation.parse(message.substring(space + 1)));
            applied.incrementAndGet();
        } catch (IllegalArgumentException e) {
            refused.incrementAndGet();
            LOG.warn("ignored a malformed cache invalidation on {}: {}", channel, e.getMessage());
        }
    }

    /** Invalidations from other nodes applied here so far. */
    public long applied() {
        return applied.get();
    }

    /** Malformed messages ignored so far. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        cache.onInvalidation(invalidation -> { });
        try {
            subscriber.close();
            publisher.close();
        } finally {
            client.shutdown(Duration.ZERO, TIMEOUT);
        }
    }
}

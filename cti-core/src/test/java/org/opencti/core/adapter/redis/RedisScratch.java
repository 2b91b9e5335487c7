package org.opencti.core.adapter.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One test's corner of the local Redis (127.0.0.1:6379): a random key prefix, the links made under it, and a raw
 * connection to look at the keys. Closing it closes the links and deletes every key under the prefix.
 */
final class RedisScratch implements AutoCloseable {
    static final String URI = "redis://127.0.0.1:6379";

    final String prefix = "cti-test-" + UUID.randomUUID() + ":";
    private final RedisClient client = RedisClient.create(URI);
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private final List<RedisLink> links = new ArrayList<>();

    RedisCommands<String, String> raw() {
        return connection.sync();
    }

    /** A node's link under this test's prefix. */
    RedisLink link(MeterRegistry registry) {
        RedisLink link = new RedisLink(URI, prefix, registry);
        links.add(link);
        return link;
    }

    RedisLink link() {
        return link(null);
    }

    @Override
    public void close() {
        try {
            links.forEach(RedisLink::close);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = raw().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    raw().del(page.getKeys().toArray(new String[0]));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}

package org.opencti.config;

/**
 * Redis for shared live state between CTI server instances. Absent means in-memory state.
 *
 * @param uri       Lettuce URI, {@code redis://[[user:]password@]host:6379[/db]} or {@code rediss://...} for TLS
 * @param keyPrefix prefix of every key written (default {@code "cti:"}), so one Redis can serve several sites
 */
public record RedisConfig(String uri, String keyPrefix) {

    public static final String DEFAULT_KEY_PREFIX = "cti:";

    @Override
    public String toString() {
        return "RedisConfig[uri=" + Secrets.maskUri(uri) + ", keyPrefix=" + keyPrefix + "]";
    }
}

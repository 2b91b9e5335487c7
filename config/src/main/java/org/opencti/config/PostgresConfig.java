package org.opencti.config;

/**
 * PostgreSQL for durable stores (call history, customer lookups). Absent means in-memory stores.
 *
 * @param jdbcUrl              {@code jdbc:postgresql://host:5432/db}
 * @param username             database user
 * @param password             database password; empty when not given; never printed
 * @param poolSize             connection pool size (default 8)
 * @param lookupDeadlineMillis how long a customer lookup on the call path may take before the call proceeds without it (default 250)
 */
public record PostgresConfig(String jdbcUrl, String username, String password, int poolSize, int lookupDeadlineMillis) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final int DEFAULT_LOOKUP_DEADLINE_MILLIS = 250;

    public PostgresConfig {
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "PostgresConfig[jdbcUrl=" + Secrets.maskUri(jdbcUrl) + ", username=" + username + ", password=" + Secrets.MASK
                + ", poolSize=" + poolSize + ", lookupDeadlineMillis=" + lookupDeadlineMillis + "]";
    }
}

package org.opencti.core.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool (HikariCP, pool "cti-postgres") and the schema (Flyway, {@code classpath:db/migration}),
 * migrated on construction. The password is handed to the pool and never logged.
 */
public final class PostgresDatabase implements AutoCloseable {
    public static final String POOL_NAME = "cti-postgres";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;
    private static final long VALIDATION_TIMEOUT_MILLIS = 2_000;

    private final HikariDataSource dataSource;
    private final String schema;
    private final String where;

    /**
     * @param schema   the schema to use and migrate (created when missing); null means {@code public}
     * @param registry where the pool's metrics go; null for none
     */
    public PostgresDatabase(String jdbcUrl, String username, String password, int poolSize, String schema,
                            MeterRegistry registry) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        this.schema = schema;
        this.where = withoutSecrets(jdbcUrl) + (schema == null ? "" : " schema " + schema);
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        if (schema != null) {
            config.setSchema(schema);
        }
        if (registry != null) {
            config.setMetricRegistry(registry);
        }
        this.dataSource = new HikariDataSource(config);
        try {
            migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Applies the pending migrations (none when up to date); returns how many ran. */
    public int migrate() {
        var flyway = Flyway.configure(PostgresDatabase.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // A migration numbered below the newest applied one (V7 after V8 and V9: numbers are handed out before the work
            // lands) is applied rather than refused; each migration must therefore not depend on a higher-numbered one.
            .outOfOrder(true);
        if (schema != null) {
            flyway.schemas(schema);
        }
        Flyway loaded = flyway.load();
        MigrateResult result = loaded.migrate();
        MigrationInfo current = loaded.info().current();
        LOG.info("database {} at schema version {} ({} migrations applied now)", where,
            current == null ? "none" : current.getVersion(), result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The URL as it may be logged: query parameters (which can carry a password) are left out. */
    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String bare = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        int at = bare.lastIndexOf('@');
        int scheme = bare.indexOf("//");
        if (at > scheme && scheme >= 0) {
            bare = bare.substring(0, scheme + 2) + bare.substring(at + 1);
        }
        return bare;
    }
}

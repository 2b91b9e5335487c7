package org.opencti.bench;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencti.core.adapter.cache.CachingCustomerDirectory;
import org.opencti.core.adapter.cache.CustomerCacheSettings;
import org.opencti.core.adapter.postgres.PostgresCustomerDirectory;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.opencti.core.customer.CustomerProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Screen-pop lookups against the generated customer base ({@link CustomerDataSet}, 1,000,000 customers by default):
 * by number from the warm cache, by number from PostgreSQL (cache bypassed, random customers across the whole base),
 * by account number from PostgreSQL, and a number nobody has. Each lookup is the whole profile the pop shows: the
 * customer, their numbers, five latest interactions, open cases and consents. Goal: p99 at most 5 ms from the cache
 * and at most 20 ms from PostgreSQL.
 *
 * <p>Generate the data first (see {@link CustomerDataSet}), then run:
 * {@code java -jar benchmarks/target/benchmarks.jar CustomerLookupBenchmark -f 1 -wi 2 -i 3 -w 5s -r 10s}
 * ({@code -p schema=... -p url=...} for another data set).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class CustomerLookupBenchmark {
    /** As many as the server's cache holds by default: the warm set is what a busy minute of callers looks like. */
    private static final int WARM = CustomerCacheSettings.DEFAULTS.maxEntries();
    private static final int RECENT = 5;

    @Param(CustomerDataSet.DEFAULT_URL)
    public String url;
    @Param(CustomerDataSet.DEFAULT_SCHEMA)
    public String schema;
    @Param("postgres")
    public String user;

    private PostgresDatabase database;
    private PostgresCustomerDirectory store;
    private CachingCustomerDirectory cache;
    private long customers;
    private String[] warm;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = new PostgresDatabase(url, user, System.getenv("CTI_PG_PASSWORD"), 8, schema, null);
        customers = CustomerDataSet.customersIn(database.dataSource());
        if (customers < WARM) {
            database.close();
            throw new IllegalStateException("schema " + schema + " holds " + customers + " customers; generate them first: "
                + "java -cp benchmarks/target/benchmarks.jar org.opencti.bench.CustomerDataSet 1000000 " + schema);
        }
        store = new PostgresCustomerDirectory(database.dataSource());
        // an hour to live, so that the warm set does not expire during the run (the server's default is a minute)
        cache = new CachingCustomerDirectory(store, new CustomerCacheSettings(WARM, Duration.ofHours(1), Duration.ofSeconds(5)),
            Clock.systemUTC());
        warm = new String[WARM];
        for (int k = 0; k < WARM; k++) {
            warm[k] = CustomerDataSet.primaryPhone(randomCustomer());
            if (cache.findByPhone(warm[k], RECENT).isEmpty()) {
                throw new IllegalStateException("generated number " + warm[k] + " not found in schema " + schema);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("\ncache: " + cache.stats());
        database.close();
    }

    private long randomCustomer() {
        return 1 + ThreadLocalRandom.current().nextLong(customers);
    }

    @Benchmark
    public Optional<CustomerProfile> phoneFromCache() {
        return cache.findByPhone(warm[ThreadLocalRandom.current().nextInt(WARM)], RECENT);
    }

    /** A random customer's primary or (when they have one) second number, straight from PostgreSQL. */
    @Benchmark
    public Optional<CustomerProfile> phoneFromPostgres() {
        long i = randomCustomer();
        String number = CustomerDataSet.hasSecondPhone(i) && (i & 1) == 0
            ? CustomerDataSet.secondPhone(i) : CustomerDataSet.primaryPhone(i);
        return store.findByPhone(number, RECENT);
    }

    @Benchmark
    public Optional<CustomerProfile> accountFromPostgres() {
        long i = randomCustomer();
        while (!CustomerDataSet.hasAccount(i)) {
            i = randomCustomer();
        }
        return store.findByAccount(CustomerDataSet.accountNumber(i), RECENT);
    }

    /** A number nobody has: one index probe that finds nothing (what an unknown caller costs the database). */
    @Benchmark
    public Optional<CustomerProfile> missFromPostgres() {
        return store.findByPhone(CustomerDataSet.unknownPhone(randomCustomer()), RECENT);
    }
}

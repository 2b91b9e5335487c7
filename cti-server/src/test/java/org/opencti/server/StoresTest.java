package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.config.ConfigLoader;
import org.opencti.core.adapter.cache.CachingCustomerRecords;
import org.opencti.core.adapter.redis.RedisCacheInvalidation;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.queuelog.QueueLogEntry;

/** The stores a configuration asks for. */
class StoresTest {
    @Test
    void aConfiguredQueueLogFileGetsTheQueueLogInAsterisksFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queue_log");
        String yaml = ConfigLoader.sampleText() + "\nqueueLogFile: " + file + "\n";
        try (Stores stores = Stores.from(ConfigLoader.parse(yaml, "test.yaml", Map.of()), null)) {
            stores.queueLog().append(QueueLogEntry.addMember(Instant.ofEpochSecond(1795346158), "billing", "2001"));
            Await.until("the line is written", Duration.ofSeconds(10), () -> Files.exists(file) && size(file) > 0);
        }
        assertThat(Files.readAllLines(file)).containsExactly("1795346158|NONE|billing|2001|ADDMEMBER|");
    }

    @Test
    void withPostgresTheCustomersAreCachedAndAnEndedCallShowsOnTheNextPop() throws Exception {
        String schema = "cti_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        sql("CREATE SCHEMA " + schema);
        String yaml = ConfigLoader.sampleText() + "\npostgres:\n  jdbcUrl: jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
            + schema + "\n  username: postgres\nredis:\n  uri: redis://127.0.0.1:6379\n  keyPrefix: \"" + schema + ":\"\n";
        try (Stores stores = Stores.from(ConfigLoader.parse(yaml, "test.yaml", Map.of()), null)) {
            assertThat(stores.customers()).isInstanceOf(CachingCustomerRecords.class);
            assertThat(stores.resources()).hasAtLeastOneElementOfType(RedisCacheInvalidation.class);
            Customer alice = stores.customers().save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1",
                List.of("+12025550143")));
            assertThat(stores.customers().findByPhone("+12025550143", 5).orElseThrow().recentInteractions()).isEmpty();

            Instant at = Instant.parse("2026-11-25T09:00:00Z");
            stores.interactions().record(new InteractionRecord("call-1", alice.id(), "+12025550143", "PJSIP/trunk-0001",
                "billing", "2001", at, at.plusSeconds(5), at.plusSeconds(90), "ANSWERED"));

            // written behind the call; the cached profile (a minute to live) must be dropped once the row is in
            Await.until("the pop lists the call", Duration.ofSeconds(10),
                () -> stores.customers().findByPhone("+12025550143", 5).orElseThrow().recentInteractions().size() == 1);
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}

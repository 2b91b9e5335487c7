package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;

class PostgresDatabaseTest {
    private static final String HOSTILE = "Robert'); DROP TABLE customers;--";
    /** The versioned migrations shipped in the module, counted from the source tree. */
    private static final long MIGRATIONS = migrationFiles();
    private static PostgresTestSchema db;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.empty();
    }

    @Test
    void migrationsAreRepeatable() {
        Customer saved = new PostgresCustomerDirectory(db.dataSource())
            .save(new Customer(0, null, "Keep", "Me", null, null, List.of("+12025550143")));

        try (PostgresDatabase again = db.open()) {
            assertThat(again.migrate()).isZero();
            assertThat(new PostgresCustomerDirectory(again.dataSource()).findByPhone("+12025550143", 0))
                .hasValueSatisfying(p -> assertThat(p.customer()).isEqualTo(saved));
        }
        assertThat(db.database.migrate()).isZero();
        assertThat(db.count("flyway_schema_history")).as("one row per migration, none applied twice").isEqualTo(MIGRATIONS);
    }

    @Test
    void v7IsAppliedToADatabaseThatAlreadyHasV8AndV9() throws SQLException {
        // A database migrated before V7 existed: V8 and V9 applied, V7 neither in the history nor in the schema.
        try (PostgresTestSchema older = new PostgresTestSchema()) {
            older.execute("DELETE FROM " + older.schema + ".flyway_schema_history WHERE version = '7'");
            older.execute("DROP TABLE " + older.schema + ".agent_state_history");
            older.execute("ALTER TABLE " + older.schema + ".interactions DROP COLUMN ivr_path, DROP COLUMN ivr_data,"
                + " DROP COLUMN recording, DROP COLUMN wrap_up_seconds");

            try (PostgresDatabase again = older.open()) {
                assertThat(again.migrate()).as("already applied when the pool opened").isZero();
            }
            assertThat(older.count("agent_state_history")).isZero();
            try (Connection c = older.raw(); Statement s = c.createStatement();
                 java.sql.ResultSet rows = s.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                rows.next();
                assertThat(rows.getString(1)).as("V7 applied last, after V9").isEqualTo("7");
            }
            assertThat(older.count("flyway_schema_history")).isEqualTo(MIGRATIONS);
        }
    }

    @Test
    void theCheckConstraintRefusesABadNumberEvenThroughRawSql() throws SQLException {
        long id = new PostgresCustomerDirectory(db.dataSource())
            .save(new Customer(0, null, "Raw", "Sql", null, null, List.of())).id();

        try (Connection c = db.raw();
             PreparedStatement insert = c.prepareStatement("INSERT INTO customer_phones (customer_id, e164) VALUES (?, ?)")) {
            for (String bad : List.of("2025550143", "+02025550143", "+120255", "+1 202 555 0143", "+1202555014312345")) {
                insert.setLong(1, id);
                insert.setString(2, bad);
                assertThatThrownBy(insert::executeUpdate).as(bad)
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(SqlErrors.CHECK_VIOLATION);
            }
        }
        assertThat(db.count("customer_phones")).isZero();
    }

    @Test
    void hostileStringsAreStoredAsTextNotRunAsSql() {
        PostgresCustomerDirectory directory = new PostgresCustomerDirectory(db.dataSource());
        PostgresInteractionLog log = new PostgresInteractionLog(db.dataSource());
        Customer bobby = directory.save(new Customer(0, "'; --", "Bobby", HOSTILE, "Gold' OR '1'='1", "x\\'y\"z",
            List.of("+12025550143")));
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        log.record(new InteractionRecord(HOSTILE, bobby.id(), HOSTILE, "SIP/x'--", "q\"; DELETE FROM interactions;",
            "1001", t0, null, t0.plusSeconds(1), "ANSWERED'); DROP TABLE interactions;--"));

        var profile = directory.findByPhone("+12025550143", 5).orElseThrow();
        assertThat(profile.customer()).isEqualTo(bobby);
        assertThat(profile.customer().lastName()).isEqualTo(HOSTILE);
        assertThat(profile.recentInteractions()).singleElement().isEqualTo(new InteractionSummary(t0, "SIP/x'--",
            "q\"; DELETE FROM interactions;", "1001", "ANSWERED'); DROP TABLE interactions;--", null));
        assertThat(directory.findByPhone("' OR '1'='1", 5)).isEmpty();
        assertThat(directory.findByPhone(HOSTILE, 5)).isEmpty();
        assertThat(db.count("customers")).isEqualTo(1);
        assertThat(db.count("interactions")).isEqualTo(1);
    }

    @Test
    void aDispositionSetLaterIsShownInsteadOfTheOutcome() throws SQLException {
        PostgresCustomerDirectory directory = new PostgresCustomerDirectory(db.dataSource());
        long id = directory.save(new Customer(0, null, "A", "B", null, null, List.of("+12025550143"))).id();
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        new PostgresInteractionLog(db.dataSource())
            .record(new InteractionRecord("k1", id, null, null, null, null, t0, null, t0, "ANSWERED"));
        try (Connection c = db.raw(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE interactions SET disposition = 'Billing question', notes = 'refund sent'");
        }

        assertThat(directory.findByPhone("+12025550143", 1).orElseThrow().recentInteractions()).singleElement()
            .extracting(InteractionSummary::disposition, InteractionSummary::notes)
            .containsExactly("Billing question", "refund sent");
    }

    @Test
    void thePoolIsNamedAndReportsMetrics() {
        assertThat(db.registry.find("hikaricp.connections.max").tag("pool", PostgresDatabase.POOL_NAME).gauge())
            .isNotNull()
            .satisfies(g -> assertThat(g.value()).isEqualTo(8.0));
    }

    @Test
    void anUnreachableDatabaseFailsFastWithoutThePassword() {
        assertThatThrownBy(() -> new PostgresDatabase("jdbc:postgresql://127.0.0.1:1/test", "postgres", "s3cret-pw", 2,
            null, null))
            .isInstanceOf(RuntimeException.class)
            .satisfies(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret-pw");
                }
            });
    }

    @Test
    void urlsAreLoggedWithoutCredentials() {
        assertThat(PostgresDatabase.withoutSecrets("jdbc:postgresql://db:5432/cti?user=cti&password=s3cret"))
            .isEqualTo("jdbc:postgresql://db:5432/cti");
        assertThat(PostgresDatabase.withoutSecrets("jdbc:postgresql://cti:s3cret@db:5432/cti"))
            .isEqualTo("jdbc:postgresql://db:5432/cti");
        assertThat(PostgresDatabase.withoutSecrets("jdbc:postgresql://db/cti")).isEqualTo("jdbc:postgresql://db/cti");
    }

    private static long migrationFiles() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

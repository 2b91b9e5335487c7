package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.CustomerAccountsContract;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerAccounts;

class PostgresCustomerAccountsTest extends CustomerAccountsContract {
    private static PostgresTestSchema db;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Override
    protected CustomerAccounts emptyDirectory() {
        db.empty();
        return new PostgresCustomerDirectory(db.dataSource());
    }

    @Test
    void onlyABcryptHashOfThePinIsStoredAndTheFailuresAreCountedInTheRow() throws SQLException {
        directory().setPin("AC-1", "1234");
        directory().verifyPin("AC-1", "0000", T0);
        directory().verifyPin("AC-1", "0000", T0);

        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT pin_hash, pin_failures, pin_locked_until FROM customers "
                 + "WHERE account_number = 'AC-1'")) {
            row.next();
            assertThat(row.getString(1)).startsWith("$2a$10$").doesNotContain("1234");
            assertThat(row.getInt(2)).isEqualTo(2);
            assertThat(row.getObject(3)).isNull();
        }
    }

    @Test
    void theLockoutEndIsStoredAsFifteenMinutesAfterTheFifthFailure() throws SQLException {
        directory().setPin("AC-1", "1234");
        for (int i = 0; i < 5; i++) {
            directory().verifyPin("AC-1", "0000", T0);
        }

        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT pin_locked_until FROM customers WHERE account_number = 'AC-1'")) {
            row.next();
            assertThat(row.getTimestamp(1).toInstant()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
        }
        assertThat(directory().verifyPin("AC-1", "1234", T0)).isEqualTo(PinCheck.LOCKED);
    }

    @Test
    void theDatabaseHoldsRowsWrittenByHandToTheSameRules() {
        for (String bad : new String[] {
            "UPDATE customers SET email = 'alice.example.com'",
            "UPDATE customers SET lifetime_value = -1",
            "UPDATE customers SET preferred_contact_time = '9-5'",
            "UPDATE customers SET preferred_channel = 'fax'",
            "INSERT INTO customer_cases (customer_id, kind, status, summary, opened_at) "
                + "SELECT id, 'issue', 'reopened', 'x', now() FROM customers",
            "INSERT INTO customer_orders (order_number, customer_id, status, updated_at) "
                + "SELECT 'O-' || id, id, 'lost', now() FROM customers",
            "INSERT INTO customer_consents (customer_id, channel, opted_in, updated_at) "
                + "SELECT id, 'fax', true, now() FROM customers"}) {
            assertThatThrownBy(() -> db.execute("SET search_path TO " + db.schema + "; " + bad)).as(bad)
                .hasMessageContaining("violates check constraint");
        }
    }
}

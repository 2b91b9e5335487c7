package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.CustomerRecordsContract;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerRecords;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.screenpop.ScreenPop;
import org.opencti.core.screenpop.ScreenPopService;

/** The contract on PostgreSQL, and what erasure leaves in the tables (read with plain SQL, not through the adapter). */
class PostgresCustomerRecordsTest extends CustomerRecordsContract {
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
    protected CustomerRecords emptyRecords() {
        db.empty();
        db.truncate("customer_audit", "dnc_numbers");
        return new PostgresCustomerDirectory(db.dataSource());
    }

    @Override
    protected InteractionLog historyOf(CustomerRecords store) {
        return new PostgresInteractionLog(db.dataSource());
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.raw(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(r.getObject(i)));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    @Test
    void erasureAnonymisesTheRowsListsTheNumbersAndWritesTheAuditRow() throws SQLException {
        history.record(new InteractionRecord("call-1", alice.id(), "+12025550143", "voice", "billing", "2001", T0, T0,
            T0.plusSeconds(90), "answered"));
        history.record(new InteractionRecord("call-0", null, "+12025550143", "voice", "billing", null, T0, null, T0,
            "abandoned"));
        records.addNote(alice.id(), "Lives at 1 Main St", ADA);
        records.setPin("AC-1", "2468", ADA);

        records.erase(alice.id(), new Actor("4001", T0.plusSeconds(60)));

        assertThat(rows("SELECT salutation, first_name, last_name, email, account_number, account_manager, pin_hash, "
            + "preferred_language, erased_at IS NOT NULL, tier, vip FROM customers WHERE id = " + alice.id()))
            .containsExactly("null|erased||null|null|null|null|null|true|Gold|true");
        assertThat(rows("SELECT count(*) FROM customer_phones WHERE customer_id = " + alice.id())).containsExactly("0");
        assertThat(rows("SELECT interaction_key, customer_id IS NULL, caller_number, notes, outcome FROM interactions "
            + "ORDER BY outcome")).containsExactly("call-0|true|null|null|abandoned", "call-1|false|null|null|answered",
                rows("SELECT interaction_key FROM interactions WHERE channel = 'note'").get(0) + "|false|null|null|note");
        assertThat(rows("SELECT e164, source, added_by, added_at = '2026-11-22T09:01:00Z' FROM dnc_numbers"))
            .containsExactly("+12025550143|erasure|4001|true");
        assertThat(rows("SELECT action, done_by FROM customer_audit WHERE customer_id = " + alice.id() + " ORDER BY id"))
            .containsExactly("created|4001", "note-added|4001", "pin-set|4001", "erased|4001");
        assertThat(rows("SELECT count(*) FROM customer_audit WHERE array_to_string(fields, ' ') ~ 'Alice|Moreno|Main|\\+1'"))
            .containsExactly("0");
        ScreenPop pop = new ScreenPopService(new PostgresCustomerDirectory(db.dataSource()), new PhoneNumbers("US"),
            Runnable::run, Duration.ofSeconds(10)).lookup("(202) 555-0143").toCompletableFuture().join();
        assertThat(pop.outcome()).as("the pop by the old number finds nobody").isEqualTo(ScreenPop.Outcome.UNKNOWN_CALLER);
    }

    @Test
    void theDatabaseRefusesAnAuditRowWithoutAnAuthorAndABadDncNumber() {
        for (String bad : new String[] {
            "INSERT INTO customer_audit (customer_id, action, done_by, done_at) VALUES (1, 'created', ' ', now())",
            "INSERT INTO customer_audit (customer_id, action, done_by, done_at) VALUES (1, 'deleted', '4001', now())",
            "INSERT INTO dnc_numbers (e164, source, added_at, added_by) VALUES ('5550100', 'request', now(), '4001')"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.execute("SET search_path TO " + db.schema + "; "
                + bad)).as(bad).hasMessageContaining("violates check constraint");
        }
    }
}

package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.InteractionLogContract;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

class PostgresInteractionLogTest extends InteractionLogContract {
    private static PostgresTestSchema db;
    private PostgresInteractionLog log;
    private PostgresCustomerDirectory directory;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.empty();
        log = new PostgresInteractionLog(db.dataSource());
        directory = new PostgresCustomerDirectory(db.dataSource());
    }

    @Override
    protected InteractionLog log() {
        return log;
    }

    @Override
    protected CustomerDirectory directory() {
        return directory;
    }

    @Override
    protected int storedInteractions() {
        return db.count("interactions");
    }

    @Test
    void anUnknownCustomerIdIsRefusedByName() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        InteractionRecord orphan = new InteractionRecord("call-x", 777L, null, null, null, null, t0, null,
            t0.plusSeconds(3), "ABANDONED");

        assertThatThrownBy(() -> log.record(orphan))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("777");
        assertThat(storedInteractions()).isZero();
    }

    @Test
    void theIvrTheRecordingAndTheAfterCallWorkAreStoredInTheRow() throws SQLException {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("CTI_INTENT", "refund");
        data.put("CTI_ORDER", "O-17");
        log.record(new InteractionRecord("L9/A9", null, "+15551230009", "voice", "billing", "2001", t0, t0.plusSeconds(5),
            t0.plusSeconds(60), "answered", null, "c-9", null, 0L, null, "main>billing>refund", data, "c-9.wav", null, null));
        log.wrapUp(new WrapUpRecord("L9/A9", null, null, "refund-issued", "sent"));
        log.wrapUp(WrapUpRecord.time("L9/A9", null, 25));

        assertThat(row("L9/A9")).isEqualTo("main>billing>refund {\"CTI_ORDER\": \"O-17\", \"CTI_INTENT\": \"refund\"} c-9.wav 25"
            + " refund-issued sent");
    }

    @Test
    void aCallWithoutIvrDataStoresNullsNotAnEmptyObject() throws SQLException {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        log.record(new InteractionRecord("L10", null, null, "voice", "support", null, t0, null, t0, "abandoned"));

        assertThat(row("L10")).isEqualTo("null null null null null null");
    }

    @Test
    void noNotesAreWrittenToTheCallOfAnErasedCustomer() throws SQLException {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        long id = directory.save(new Customer(0, null, "Erin", "Erased", null, null, List.of("+15551230010"))).id();
        log.record(new InteractionRecord("L11/A11", id, "+15551230010", "voice", "support", "2001", t0, t0, t0.plusSeconds(9),
            "answered"));
        new PostgresCustomerDirectory(db.dataSource()).erase(id, new Actor("admin", t0.plusSeconds(20)));

        assertThat(log.wrapUp(new WrapUpRecord("L11/A11", id, 12L, "resolved", "Erin called about her card"))).isTrue();

        assertThat(row("L11/A11")).isEqualTo("null null null 12 resolved null");
    }

    private static String row(String key) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT ivr_path, ivr_data, recording, wrap_up_seconds, disposition, notes"
                 + " FROM interactions WHERE interaction_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                    + rs.getString(5) + " " + rs.getString(6);
            }
        }
    }

    @Test
    void bothLegsOfATransferSayHowTheCallWasHandedOn() throws SQLException {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        InteractionRecord.Transfer transfer = new InteractionRecord.Transfer("attended", "2001", "agent:2002");
        log.record(new InteractionRecord("L1/a1", null, "+15551230001", "voice", "support", "2001", t0, t0.plusSeconds(5),
            t0.plusSeconds(60), "transferred", null, "c-1", null, null, transfer));
        log.record(new InteractionRecord("L1/a2", null, "+15551230001", "voice", "support", "2002", t0.plusSeconds(60),
            t0.plusSeconds(60), t0.plusSeconds(90), "answered", null, "c-1-t1", null, null, transfer));
        log.record(new InteractionRecord("L2/a3", null, "+15551230002", "voice", "support", "2001", t0, t0, t0.plusSeconds(9), "answered"));

        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT interaction_key, outcome, transfer_kind, transferred_by, transfer_target"
                 + " FROM interactions ORDER BY interaction_key");
             ResultSet rs = st.executeQuery()) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append(' ')
                    .append(rs.getString(4)).append(' ').append(rs.getString(5)).append('\n');
            }
            assertThat(rows.toString()).isEqualTo("""
                L1/a1 transferred attended 2001 agent:2002
                L1/a2 answered attended 2001 agent:2002
                L2/a3 answered null null null
                """);
        }
    }
}

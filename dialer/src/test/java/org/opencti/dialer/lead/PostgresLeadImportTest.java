package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.PostgresCustomerDirectory;
import org.opencti.core.customer.Customer;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.store.TestDatabase;

/** The bad file of {@link LeadImporterTest}, imported twice into the real PostgreSQL, matched against real customers. */
class PostgresLeadImportTest {
    private static TestDatabase db;
    private long campaign;
    private long customerId;
    private LeadImporter importer;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        db.empty();
        campaign = new PostgresCampaignStore(db.dataSource()).save(Campaigns.allDay("Imports")).id();
        var directory = new PostgresCustomerDirectory(db.dataSource());
        customerId = directory.save(new Customer(0, null, "Kim", "Low", "gold", "ACC-10", List.of("+15551230010"))).id();
        importer = new LeadImporter(new PostgresLeadStore(db.dataSource()), CustomerLookup.of(directory), "US",
            LeadImporter.Limits.DEFAULT, LeadImporterTest.CLOCK);
    }

    @Test
    void goodRowsAreStoredFlaggedWithTheirCustomerAndASecondImportStoresNothingTwice() throws Exception {
        ImportResult first = importer.importCsv(campaign, "March", new StringReader(LeadImporterTest.BAD_FILE));
        ImportResult second = importer.importCsv(campaign, "March again", new StringReader(LeadImporterTest.BAD_FILE));

        assertThat(first.accepted()).isEqualTo(3);
        assertThat(first.rejected()).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 7L, 8L, 9L, 10L, 12L);
        assertThat(second.accepted()).isZero();
        assertThat(second.rejected()).hasSize(11);
        try (Connection c = db.raw(); PreparedStatement s = c.prepareStatement(
            "SELECT e164, customer_id, l.accepted, l.rejected FROM leads JOIN lead_lists l ON l.id = list_id ORDER BY e164")) {
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("+15551230001");
                assertThat(r.getObject(2)).isNull();
                assertThat(r.getInt(3)).isEqualTo(3);
                assertThat(r.getInt(4)).as("the bad rows and the duplicate of line 2").isEqualTo(8);
                assertThat(r.next()).isTrue();
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("+15551230010");
                assertThat(r.getLong(2)).isEqualTo(customerId);
                assertThat(r.next()).isFalse();
            }
        }
        assertThat(new PostgresLeadStore(db.dataSource()).listsOf(campaign)).extracting(ListStatus::total).containsExactly(3, 0);
    }
}

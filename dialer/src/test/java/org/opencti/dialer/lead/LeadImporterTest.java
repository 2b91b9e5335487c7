package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.InMemoryCampaignStore;

class LeadImporterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
    /** A file with something wrong on most lines; lines 2, 6 and 11 are good. */
    static final String BAD_FILE = String.join("\r\n",
        "Phone,First Name,last_name,time_zone,priority,preferred_time,external_id,notes",
        "(555) 123-0001,Ann,Lee,America/New_York,5,17:00-19:00,crm-1,first good",
        "not a number,Bob,Ray,,,,,",
        "555-123-0003,Cy,Ode,Mars/Olympus,,,,",
        ",Dee,Ash,,,,,no phone",
        "+1 555 123 0005,\"Lee, Eve\",Fox,,0,,crm-5,\"quoted, with comma\"",
        "555 123 0001,Ann,Again,,,,,same number as line 2",
        "555-123-0007,Gus,Hay,,high,,,",
        "555-123-0008,Ida,Ivy,,,9am-5pm,,",
        "555-123-0009,Jo,\"Kay\"x,,,,,",
        "555-123-0010,Kim,Low,Europe/London,99,,,\"good, after a bad line\"",
        "555-123-0011,Too,Few",
        "");

    private InMemoryLeadStore store;
    private long campaign;
    private LeadImporter importer;

    @BeforeEach
    void setUp() {
        store = new InMemoryLeadStore();
        campaign = new InMemoryCampaignStore().save(Campaigns.allDay("Imports")).id();
        Map<String, Long> customers = Map.of("+15551230010", 77L);
        importer = new LeadImporter(store, e164 -> Optional.ofNullable(customers.get(e164)), "US", LeadImporter.Limits.DEFAULT, CLOCK);
    }

    @Test
    void aBadFileIsReportedRowByRowAndItsGoodRowsAreLoaded() {
        ImportResult result = importer.importCsv(campaign, "March", new StringReader(BAD_FILE));

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejected()).extracting(Rejection::line, Rejection::field).containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "phone"), org.assertj.core.groups.Tuple.tuple(4L, "time_zone"),
            org.assertj.core.groups.Tuple.tuple(5L, "phone"), org.assertj.core.groups.Tuple.tuple(7L, "phone"),
            org.assertj.core.groups.Tuple.tuple(8L, "priority"), org.assertj.core.groups.Tuple.tuple(9L, "preferred_time"),
            org.assertj.core.groups.Tuple.tuple(10L, "row"), org.assertj.core.groups.Tuple.tuple(12L, "row"));
        assertThat(result.rejected()).extracting(Rejection::reason).satisfiesExactly(
            r -> assertThat(r).contains("not a phone number"), r -> assertThat(r).contains("unknown time zone \"Mars/Olympus\""),
            r -> assertThat(r).isEqualTo("missing"), r -> assertThat(r).contains("already on line 2"),
            r -> assertThat(r).contains("0-99"), r -> assertThat(r).contains("09:00-20:00"),
            r -> assertThat(r).contains("after a closing quote"), r -> assertThat(r).contains("has 3 fields"));

        List<Lead> loaded = store.claim(campaign, "n", 10, CLOCK.instant(), java.time.Duration.ofMinutes(1));
        assertThat(loaded).extracting(Lead::e164).containsExactly("+15551230010", "+15551230001", "+15551230005");
        Lead ann = loaded.get(1);
        assertThat(ann.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ann.preferredTime()).hasToString("17:00-19:00");
        assertThat(ann.externalId()).isEqualTo("crm-1");
        assertThat(ann.customerId()).isNull();
        assertThat(loaded.get(2).firstName()).isEqualTo("Lee, Eve");
        assertThat(loaded.get(0).customerId()).as("flagged with the existing customer").isEqualTo(77L);
    }

    @Test
    void aSecondImportOfTheSameFileLoadsNothingTwice() {
        importer.importCsv(campaign, "March", new StringReader(BAD_FILE));

        ImportResult again = importer.importCsv(campaign, "March again", new StringReader(BAD_FILE));

        assertThat(again.accepted()).isZero();
        assertThat(again.rejected()).filteredOn(r -> r.reason().contains("already in this campaign's lists"))
            .extracting(Rejection::line).containsExactly(2L, 6L, 11L);
        assertThat(store.listsOf(campaign)).extracting(ListStatus::total).containsExactly(3, 0);
    }

    @Test
    void aFileWithoutAPhoneColumnOrHeaderOrWithADuplicateColumnIsRefusedWhole() {
        assertThatThrownBy(() -> importer.importCsv(campaign, "x", new StringReader("name,tz\nAnn,UTC\n")))
            .isInstanceOf(LeadFileException.class).hasMessageContaining("line 1").hasMessageContaining("phone");
        assertThatThrownBy(() -> importer.importCsv(campaign, "x", new StringReader("")))
            .isInstanceOf(LeadFileException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> importer.importCsv(campaign, "x", new StringReader("phone,number\n1,2\n")))
            .isInstanceOf(LeadFileException.class).hasMessageContaining("appears twice");
        assertThat(store.listsOf(campaign)).isEmpty();
    }

    @Test
    void aFileOverTheRowLimitIsRefusedAndNothingIsLoaded() {
        var small = new LeadImporter(store, CustomerLookup.none(), "US", new LeadImporter.Limits(2, 64), CLOCK);

        assertThatThrownBy(() -> small.importCsv(campaign, "x", new StringReader("phone\n5551230001\n5551230002\n5551230003\n")))
            .isInstanceOf(LeadFileException.class).hasMessageContaining("more than 2 rows").hasMessageContaining("line 4");
        assertThat(store.listsOf(campaign)).isEmpty();
    }

    @Test
    void aFieldOverTheSizeLimitRejectsItsRowAsTooLong() {
        var small = new LeadImporter(store, CustomerLookup.none(), "US", new LeadImporter.Limits(10, 16), CLOCK);

        ImportResult result = small.importCsv(campaign, "x", new StringReader("phone,first_name\n5551230001,"
            + "A".repeat(40) + "\n5551230002,Bo\n"));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("too long");
        });
    }

    @Test
    void numbersAreNormalisedInTheContactCentresRegion() {
        var uk = new LeadImporter(store, CustomerLookup.none(), "GB", LeadImporter.Limits.DEFAULT, CLOCK);

        uk.importCsv(campaign, "uk", new StringReader("number\n020 7123 4567\n0044 161 496 0000\n"));

        assertThat(store.existingNumbers(campaign, java.util.Set.of("+442071234567", "+441614960000"))).hasSize(2);
    }
}

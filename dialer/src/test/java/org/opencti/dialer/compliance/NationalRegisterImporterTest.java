package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.lead.Rejection;

/** A regulator's file: numbers in the centre's format become E.164, bad rows are named by line, a wrong file changes nothing. */
class NationalRegisterImporterTest {
    private static final Instant T0 = Instant.parse("2026-03-04T17:00:00Z");
    private final InMemoryDncLists dnc = new InMemoryDncLists();
    private final NationalRegisterImporter importer = new NationalRegisterImporter(dnc, "US",
        new NationalRegisterImporter.Limits(100, 0.25, 2), Clock.fixed(T0, ZoneOffset.UTC));

    private NationalRegisterImporter.Result load(String registry, String csv) {
        return importer.importCsv(registry, "4001", new StringReader(csv));
    }

    @Test
    void goodRowsAreLoadedInE164AndBadOnesNamedByLine() {
        StringBuilder csv = new StringBuilder("\uFEFFregistered,Phone Number\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2026-01-0").append(i % 9 + 1).append(",(202) 555-01").append(10 + i).append('\n');
        }
        csv.append("2026-01-01,202-555-0110\n").append("2026-01-01,call me\n").append("2026-01-01,\n").append("\n");

        NationalRegisterImporter.Result result = load("US-DNC", csv.toString());

        assertThat(result.rows()).isEqualTo(13);
        assertThat(result.loaded()).isEqualTo(10);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejectedCount()).isEqualTo(2);
        assertThat(result.rejected()).containsExactly(new Rejection(13, "phone", "not a phone number: \"call me\""),
            new Rejection(14, "phone", "missing"));
        assertThat(dnc.find(1, "+12025550119")).contains(new DncLists.Hit(DncList.NATIONAL, "US-DNC"));
        assertThat(dnc.status("+12025550110").national()).containsExactly(new DncStatus.National("US-DNC", T0));
    }

    @Test
    void onlyTheFirstBadRowsAreListedButAllAreCounted() {
        String csv = "phone\n" + "x\n".repeat(3) + "+12025550100\n".repeat(1) + "202555010%d\n".repeat(9).formatted(1, 2, 3, 4, 5, 6,
            7, 8, 9);

        NationalRegisterImporter.Result result = load("US-DNC", csv);

        assertThat(result.rejectedCount()).isEqualTo(3);
        assertThat(result.rejected()).extracting(Rejection::line).containsExactly(2L, 3L);
        assertThat(result.loaded()).isEqualTo(10);
    }

    @Test
    void aWrongFileIsRefusedWholeAndTheRegisterKeepsItsNumbers() {
        load("US-DNC", "phone\n2025550143\n");

        assertThatThrownBy(() -> load("US-DNC", "phone\nabc\ndef\n2025550199\n"))
            .isInstanceOf(NationalRegisterImporter.RegisterFileException.class).hasMessageContaining("2 of 3 rows are bad")
            .hasMessageContaining("line 2");
        assertThatThrownBy(() -> load("US-DNC", "name,city\nAnn,Paris\n")).hasMessageContaining("phone column");
        assertThatThrownBy(() -> load("US-DNC", "phone\n\n")).hasMessageContaining("no usable number");
        assertThatThrownBy(() -> load("US-DNC", "")).hasMessageContaining("header");
        assertThatThrownBy(() -> load("US-DNC", "phone\n" + "2025550100\n".repeat(101))).hasMessageContaining("more than 100 rows");
        assertThatThrownBy(() -> load("", "phone\n2025550100\n")).hasMessageContaining("registry");

        assertThat(dnc.status("+12025550143").national()).extracting(DncStatus.National::registry).containsExactly("US-DNC");
        assertThat(dnc.find(1, "+12025550199")).isEmpty();
        assertThat(dnc.status("+12025550143").history()).isEmpty();
        assertThat(List.of(dnc.status("+12025550100").national())).allMatch(List::isEmpty);
    }
}

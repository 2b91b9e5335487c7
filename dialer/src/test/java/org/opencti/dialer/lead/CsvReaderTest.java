package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<CsvReader.CsvRecord> read(String text, int maxField) {
        CsvReader reader = new CsvReader(new StringReader(text), maxField);
        List<CsvReader.CsvRecord> records = new ArrayList<>();
        reader.next().ifPresent(records::add);
        for (var next = reader.next(); next.isPresent(); next = reader.next()) {
            records.add(next.get());
        }
        return records;
    }

    private static List<CsvReader.CsvRecord> read(String text) {
        return read(text, 100);
    }

    @Test
    void plainFieldsCrlfAndBareLfAndNoFinalLineBreak() {
        assertThat(read("a,b\r\nc,d\ne,f")).extracting(CsvReader.CsvRecord::fields)
            .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaksAndTheNextRecordKeepsItsLineNumber() {
        List<CsvReader.CsvRecord> records = read("\"Lee, Ann\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\nlast,y\r\n");

        assertThat(records).extracting(CsvReader.CsvRecord::fields).containsExactly(List.of("Lee, Ann", "say \"hi\""),
            List.of("two\r\nlines", "x"), List.of("last", "y"));
        assertThat(records).extracting(CsvReader.CsvRecord::line).containsExactly(1L, 2L, 4L);
        assertThat(records).allSatisfy(r -> assertThat(r.error()).isNull());
    }

    @Test
    void emptyFieldsAndAnEmptyQuotedField() {
        assertThat(read(",\"\",\n").get(0).fields()).containsExactly("", "", "");
    }

    @Test
    void textAfterAClosingQuoteIsReportedAndReadingGoesOnAtTheNextLine() {
        List<CsvReader.CsvRecord> records = read("ok,1\n\"bad\"x,2\nok,3\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).error()).contains("after a closing quote");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).fields()).containsExactly("ok", "3");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsReported() {
        assertThat(read("ab\"c,d\n").get(0).error()).contains("quote inside an unquoted field 1");
    }

    @Test
    void aQuoteNeverClosedIsReportedWithTheLineItOpenedOn() {
        List<CsvReader.CsvRecord> records = read("a,b\n\"open,c\nd,e\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).error()).contains("opened on line 2 is never closed");
    }

    @Test
    void aFieldOverTheLimitIsCutAndReportedWithoutHoldingItAll() {
        CsvReader.CsvRecord record = read("x".repeat(10_000) + ",b\nnext,c\n", 20).get(0);

        assertThat(record.error()).contains("too long");
        assertThat(record.fields().get(0)).hasSize(20);
        assertThat(read("x".repeat(10_000) + ",b\nnext,c\n", 20).get(1).fields()).containsExactly("next", "c");
    }

    @Test
    void blankLinesAreBlankRecords() {
        assertThat(read("a\n\nb\n")).extracting(CsvReader.CsvRecord::isBlank).containsExactly(false, true, false);
    }
}

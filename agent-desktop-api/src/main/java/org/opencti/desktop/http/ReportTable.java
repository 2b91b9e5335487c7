package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A report as a table: one header, rows of the same width. Both the JSON and the CSV answers are made from it. */
final class ReportTable {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    private ReportTable(List<String> header) {
        this.header = header;
    }

    static ReportTable of(String... header) {
        return new ReportTable(List.of(header));
    }

    ReportTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    int size() {
        return rows.size();
    }

    JsonArray json() {
        JsonArray out = new JsonArray();
        for (List<Object> row : rows) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < header.size(); i++) {
                Object cell = row.get(i);
                o.put(header.get(i), cell instanceof Instant t ? t.toString() : cell);
            }
            out.add(o);
        }
        return out;
    }

    /**
     * RFC 4180: a header line, CRLF line ends, a field with a comma, quote or line break in quotes with its quotes
     * doubled. A text field a spreadsheet would take for a formula (starting with = + - @) gets a leading
     * apostrophe, so opening the export cannot run anything.
     */
    String csv() {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(header));
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number || cell instanceof Instant || cell instanceof Boolean) {
            return cell.toString();
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

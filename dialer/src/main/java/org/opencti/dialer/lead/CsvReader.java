package org.opencti.dialer.lead;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: comma-separated fields, records ended by CRLF (or a bare LF), fields in double quotes
 * may hold commas, line breaks and doubled quotes. One record in memory at a time; a field longer than
 * {@code maxFieldChars} is cut off and the record reported as too long. A record with broken quoting is reported
 * (line and what is wrong) and reading goes on at the next line, so one bad row does not lose the rest of the file.
 */
public final class CsvReader {
    private final Reader in;
    private final int maxFieldChars;
    private long line = 1;
    private int pushedBack = -2;

    /** One record: the line it starts on, its fields, and an error when it could not be read as written. */
    public record CsvRecord(long line, List<String> fields, String error) {
        public boolean isBlank() {
            return error == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    public CsvReader(Reader in, int maxFieldChars) {
        this.in = in;
        this.maxFieldChars = maxFieldChars;
    }

    /** The next record, or empty at the end of the input. */
    public Optional<CsvRecord> next() {
        int c = read();
        if (c < 0) {
            return Optional.empty();
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    error = "a quoted field opened on line " + start + " is never closed";
                    break;
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        error = append(field, '"', error);
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    error = append(field, (char) c, error);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(field.toString());
                break;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                error = error == null ? "text after a closing quote in field " + (fields.size() + 1) : error;
                skipLine();
                fields.add(field.toString());
                break;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == '"') {
                error = error == null ? "a quote inside an unquoted field " + (fields.size() + 1) + " (quote the field and double it)"
                    : error;
                error = append(field, '"', error);
            } else {
                error = append(field, (char) c, error);
            }
            c = read();
        }
        return Optional.of(new CsvRecord(start, List.copyOf(fields), error));
    }

    private String append(StringBuilder field, char c, String error) {
        if (field.length() >= maxFieldChars) {
            return error == null ? "too long: a field exceeds " + maxFieldChars + " characters" : error;
        }
        field.append(c);
        return error;
    }

    private void skipLine() {
        int c = read();
        while (c >= 0 && c != '\n') {
            c = read();
        }
        if (c == '\n') {
            line++;
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lead file at line " + line, e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}

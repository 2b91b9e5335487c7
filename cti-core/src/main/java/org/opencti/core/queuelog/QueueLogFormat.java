package org.opencti.core.queuelog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Asterisk's queue_log file layout (Asterisk 1.8 and later):
 * {@code epochseconds|callid|queuename|agent|event|data1|data2|...}, one entry a line, UTF-8.
 *
 * <p>Like Asterisk, a line always has a {@code '|'} after the event, also when there is no data
 * ({@code 1366720340|NONE|NONE|NONE|QUEUESTART|}), and the time is whole seconds since the epoch: a parsed entry
 * has the line's second, so {@code parse(line(e))} is {@code e} with its time cut to the second. Values are
 * already safe to write (see {@link QueueLogEntry}: no {@code '|'}, no line breaks), so {@link #line} needs no
 * escaping and {@link #parse} no unescaping.
 */
public final class QueueLogFormat {
    private static final Pattern PIPE = Pattern.compile("\\|");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?[0-9]{1,19}");
    private static final String[] NAMES = {"time", "callid", "queuename", "agent", "event"};
    private static final int DATA_START = NAMES.length;

    private QueueLogFormat() {
    }

    /** The entry as one queue_log line, without the line break. */
    public static String line(QueueLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        StringBuilder line = new StringBuilder(96)
            .append(entry.time().getEpochSecond()).append('|')
            .append(entry.callId()).append('|')
            .append(entry.queue()).append('|')
            .append(entry.agent()).append('|')
            .append(entry.event().name()).append('|');
        return line.append(String.join("|", entry.data())).toString();
    }

    /** Reads one line (a trailing CR is ignored). Errors name the field; see {@link #parse(String, long)}. */
    public static QueueLogEntry parse(String line) {
        return parse(line, 0);
    }

    /**
     * Reads one line.
     *
     * @param lineNumber the line's 1-based number in its file, named in errors; 0 when not from a file
     * @throws QueueLogFormatException naming the line number and the field that is wrong
     */
    public static QueueLogEntry parse(String line, long lineNumber) {
        Objects.requireNonNull(line, "line");
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.isEmpty()) {
            throw new QueueLogFormatException(lineNumber, 1, NAMES[0], "the line is empty");
        }
        String[] fields = PIPE.split(text, -1);
        if (fields.length < DATA_START) {
            int missing = fields.length;
            throw new QueueLogFormatException(lineNumber, missing + 1, NAMES[missing],
                "missing: a line has at least time|callid|queuename|agent|event, this one has " + fields.length
                    + " field" + (fields.length == 1 ? "" : "s"));
        }
        Instant time = time(fields[0], lineNumber);
        QueueLogEvent event = event(fields[4], lineNumber);
        List<String> data = new ArrayList<>(Arrays.asList(fields).subList(DATA_START, fields.length));
        while (!data.isEmpty() && data.get(data.size() - 1).isEmpty()) {
            data.remove(data.size() - 1);
        }
        if (data.size() > QueueLogEntry.MAX_DATA_FIELDS) {
            int extra = QueueLogEntry.MAX_DATA_FIELDS + 1;
            throw new QueueLogFormatException(lineNumber, DATA_START + extra, "data" + extra,
                "more than " + QueueLogEntry.MAX_DATA_FIELDS + " data fields (" + data.size() + ")");
        }
        return new QueueLogEntry(time, fields[1], fields[2], fields[3], event, data);
    }

    /** Every entry of a queue_log file, in file order. */
    public static List<QueueLogEntry> readAll(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readAll(reader);
        }
    }

    /** Every entry from {@code reader}, one a line; a bad line fails the whole read, naming its number. */
    public static List<QueueLogEntry> readAll(Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        List<QueueLogEntry> entries = new ArrayList<>();
        long number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            entries.add(parse(line, number));
        }
        return entries;
    }

    private static Instant time(String field, long lineNumber) {
        if (!EPOCH_SECONDS.matcher(field).matches()) {
            throw new QueueLogFormatException(lineNumber, 1, NAMES[0], "not whole seconds since the epoch: \""
                + field + "\"");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(field));
        } catch (NumberFormatException | DateTimeException e) {
            throw new QueueLogFormatException(lineNumber, 1, NAMES[0], "out of range: \"" + field + "\"");
        }
    }

    private static QueueLogEvent event(String field, long lineNumber) {
        try {
            return QueueLogEvent.valueOf(field);
        } catch (IllegalArgumentException e) {
            throw new QueueLogFormatException(lineNumber, 5, NAMES[4], "unknown event \"" + field + "\"");
        }
    }
}

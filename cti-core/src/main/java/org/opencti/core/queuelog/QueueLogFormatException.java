package org.opencti.core.queuelog;

/** A queue_log line that cannot be read; the message names the line number (when known) and the field. */
public final class QueueLogFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final int field;
    private final String fieldName;

    QueueLogFormatException(long lineNumber, int field, String fieldName, String problem) {
        super("queue_log " + (lineNumber > 0 ? "line " + lineNumber : "line") + ", field " + field + " (" + fieldName
            + "): " + problem);
        this.lineNumber = lineNumber;
        this.field = field;
        this.fieldName = fieldName;
    }

    /** 1-based; 0 when the line was parsed on its own. */
    public long lineNumber() {
        return lineNumber;
    }

    /** 1-based position of the field in the line: 1 time, 2 callid, 3 queuename, 4 agent, 5 event, 6.. data. */
    public int field() {
        return field;
    }

    public String fieldName() {
        return fieldName;
    }
}

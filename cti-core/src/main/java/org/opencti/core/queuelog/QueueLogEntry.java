package org.opencti.core.queuelog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of the queue log, in Asterisk's layout: {@code time|callid|queuename|agent|event|data1|...|data5}.
 *
 * <p>Normalised on construction, so that every adapter stores, and reads back, exactly this record:
 * <ul>
 *   <li>{@code time} and {@code event} are required (a null is refused with a message naming the field); the time
 *       is kept to the microsecond, the precision of PostgreSQL's {@code timestamptz}. The file keeps whole seconds,
 *       as Asterisk's does.</li>
 *   <li>a null or blank {@code callId}, {@code queue} or {@code agent} becomes {@value #NONE}, which is what
 *       Asterisk writes (agent {@code NONE} on ENTERQUEUE, queue {@code NONE} on QUEUESTART).</li>
 *   <li>at most {@value #MAX_DATA_FIELDS} data fields (Asterisk's realtime table has data1..data5); a null field
 *       becomes empty, and trailing empty fields are dropped, because an empty data5 and no data5 are the same
 *       line in the file and the same row in the table.</li>
 *   <li>every value is made safe for the format: {@code '|'} becomes {@code '/'} (a pipe would split the field),
 *       and control characters, line and paragraph separators become a space (a line break would split the
 *       line, and PostgreSQL refuses NUL in text).</li>
 * </ul>
 *
 * <p>Numbers in the data are written as Asterisk writes them: whole seconds for hold, call and wait times,
 * milliseconds for ring times, 1-based queue positions.
 */
public record QueueLogEntry(Instant time, String callId, String queue, String agent, QueueLogEvent event,
                            List<String> data) {
    /** What Asterisk writes for a call id, queue or agent that does not apply. */
    public static final String NONE = "NONE";
    public static final int MAX_DATA_FIELDS = 5;

    public QueueLogEntry {
        Objects.requireNonNull(time, "queue_log entry needs a time");
        Objects.requireNonNull(event, "queue_log entry needs an event");
        time = time.truncatedTo(ChronoUnit.MICROS);
        callId = orNone(callId);
        queue = orNone(queue);
        agent = orNone(agent);
        data = cleanData(event, data);
    }

    /** A caller joined {@code queue}. Asterisk: {@code ENTERQUEUE|url|callerid|position}, agent NONE. */
    public static QueueLogEntry enterQueue(Instant time, String callId, String queue, String url, String callerId,
                                           int position) {
        return of(time, callId, queue, NONE, QueueLogEvent.ENTERQUEUE, url, callerId, position);
    }

    /**
     * The caller was bridged to {@code agent}. Asterisk: {@code CONNECT|holdtime|bridgedchanneluniqueid|ringtime},
     * hold and ring time in seconds.
     */
    public static QueueLogEntry connect(Instant time, String callId, String queue, String agent, long holdSeconds,
                                        String bridgedChannelUniqueId, long ringSeconds) {
        return of(time, callId, queue, agent, QueueLogEvent.CONNECT, holdSeconds, bridgedChannelUniqueId, ringSeconds);
    }

    /** The agent hung up. Asterisk: {@code COMPLETEAGENT|holdtime|calltime|origposition}, times in seconds. */
    public static QueueLogEntry completeAgent(Instant time, String callId, String queue, String agent,
                                              long holdSeconds, long callSeconds, int origPosition) {
        return of(time, callId, queue, agent, QueueLogEvent.COMPLETEAGENT, holdSeconds, callSeconds, origPosition);
    }

    /** The caller hung up. Asterisk: {@code COMPLETECALLER|holdtime|calltime|origposition}, times in seconds. */
    public static QueueLogEntry completeCaller(Instant time, String callId, String queue, String agent,
                                               long holdSeconds, long callSeconds, int origPosition) {
        return of(time, callId, queue, agent, QueueLogEvent.COMPLETECALLER, holdSeconds, callSeconds, origPosition);
    }

    /** The caller hung up while waiting. Asterisk: {@code ABANDON|position|origposition|waittime}, agent NONE. */
    public static QueueLogEntry abandon(Instant time, String callId, String queue, int position, int origPosition,
                                        long waitSeconds) {
        return of(time, callId, queue, NONE, QueueLogEvent.ABANDON, position, origPosition, waitSeconds);
    }

    /** The queue's timeout ended the wait. Asterisk: {@code EXITWITHTIMEOUT|position|origposition|waittime}. */
    public static QueueLogEntry exitWithTimeout(Instant time, String callId, String queue, int position,
                                                int origPosition, long waitSeconds) {
        return of(time, callId, queue, NONE, QueueLogEvent.EXITWITHTIMEOUT, position, origPosition, waitSeconds);
    }

    /** No agent could take the call (leavewhenempty). Asterisk: {@code EXITEMPTY|position|origposition|waittime}. */
    public static QueueLogEntry exitEmpty(Instant time, String callId, String queue, int position, int origPosition,
                                          long waitSeconds) {
        return of(time, callId, queue, NONE, QueueLogEvent.EXITEMPTY, position, origPosition, waitSeconds);
    }

    /** The caller left by pressing a key. Asterisk: {@code EXITWITHKEY|key|position|origposition|waittime}. */
    public static QueueLogEntry exitWithKey(Instant time, String callId, String queue, String key, int position,
                                            int origPosition, long waitSeconds) {
        return of(time, callId, queue, NONE, QueueLogEvent.EXITWITHKEY, key, position, origPosition, waitSeconds);
    }

    /** {@code agent} was rung and did not answer. Asterisk: {@code RINGNOANSWER|ringtime}, in milliseconds. */
    public static QueueLogEntry ringNoAnswer(Instant time, String callId, String queue, String agent,
                                             long ringMillis) {
        return of(time, callId, queue, agent, QueueLogEvent.RINGNOANSWER, ringMillis);
    }

    /** The ringing of {@code agent} was cancelled. Asterisk: {@code RINGCANCELED|ringtime}, in milliseconds. */
    public static QueueLogEntry ringCanceled(Instant time, String callId, String queue, String agent,
                                             long ringMillis) {
        return of(time, callId, queue, agent, QueueLogEvent.RINGCANCELED, ringMillis);
    }

    /**
     * The call was transferred. Asterisk: {@code TRANSFER|extension|context|holdtime|calltime|origposition},
     * times in seconds.
     */
    public static QueueLogEntry transfer(Instant time, String callId, String queue, String agent, String extension,
                                         String context, long holdSeconds, long callSeconds, int origPosition) {
        return of(time, callId, queue, agent, QueueLogEvent.TRANSFER, extension, context, holdSeconds, callSeconds,
            origPosition);
    }

    /** Asterisk 12+: {@code BLINDTRANSFER|extension|context|holdtime|calltime|origposition}. */
    public static QueueLogEntry blindTransfer(Instant time, String callId, String queue, String agent,
                                              String extension, String context, long holdSeconds, long callSeconds,
                                              int origPosition) {
        return of(time, callId, queue, agent, QueueLogEvent.BLINDTRANSFER, extension, context, holdSeconds,
            callSeconds, origPosition);
    }

    /**
     * Asterisk 12+: {@code ATTENDEDTRANSFER|method|destination|holdtime|calltime|origposition}, where method is
     * {@code BRIDGE} (destination: the bridge's id) or {@code APP} (destination: the application). Asterisk's
     * {@code LINK} form names two channels and so has six data fields; it is not representable here.
     */
    public static QueueLogEntry attendedTransfer(Instant time, String callId, String queue, String agent,
                                                 String method, String destination, long holdSeconds,
                                                 long callSeconds, int origPosition) {
        return of(time, callId, queue, agent, QueueLogEvent.ATTENDEDTRANSFER, method, destination, holdSeconds,
            callSeconds, origPosition);
    }

    /** {@code agent} paused in {@code queue}. Asterisk: {@code PAUSE|reason}, call id NONE. */
    public static QueueLogEntry pause(Instant time, String queue, String agent, String reason) {
        return of(time, NONE, queue, agent, QueueLogEvent.PAUSE, reason);
    }

    /** {@code agent} unpaused in {@code queue}. Asterisk: {@code UNPAUSE|reason}, call id NONE. */
    public static QueueLogEntry unpause(Instant time, String queue, String agent, String reason) {
        return of(time, NONE, queue, agent, QueueLogEvent.UNPAUSE, reason);
    }

    /** {@code agent} paused in every queue. Asterisk: {@code PAUSEALL|reason}, call id and queue NONE. */
    public static QueueLogEntry pauseAll(Instant time, String agent, String reason) {
        return of(time, NONE, NONE, agent, QueueLogEvent.PAUSEALL, reason);
    }

    /** {@code agent} unpaused in every queue. Asterisk: {@code UNPAUSEALL|reason}, call id and queue NONE. */
    public static QueueLogEntry unpauseAll(Instant time, String agent, String reason) {
        return of(time, NONE, NONE, agent, QueueLogEvent.UNPAUSEALL, reason);
    }

    /** {@code agent} became a member of {@code queue}. Asterisk: {@code ADDMEMBER|} (no data), call id NONE. */
    public static QueueLogEntry addMember(Instant time, String queue, String agent) {
        return of(time, NONE, queue, agent, QueueLogEvent.ADDMEMBER);
    }

    /** {@code agent} left {@code queue}. Asterisk: {@code REMOVEMEMBER|} (no data), call id NONE. */
    public static QueueLogEntry removeMember(Instant time, String queue, String agent) {
        return of(time, NONE, queue, agent, QueueLogEvent.REMOVEMEMBER);
    }

    /**
     * {@code agent} logged in on {@code channel}. Asterisk: {@code AGENTLOGIN|channel}, queue NONE, call id the
     * login channel's unique id (or NONE).
     */
    public static QueueLogEntry agentLogin(Instant time, String callId, String agent, String channel) {
        return of(time, callId, NONE, agent, QueueLogEvent.AGENTLOGIN, channel);
    }

    /** {@code agent} logged off. Asterisk: {@code AGENTLOGOFF|channel|logintime}, login time in seconds. */
    public static QueueLogEntry agentLogoff(Instant time, String callId, String agent, String channel,
                                            long loginSeconds) {
        return of(time, callId, NONE, agent, QueueLogEvent.AGENTLOGOFF, channel, loginSeconds);
    }

    /** The ACD started. Asterisk: {@code NONE|NONE|NONE|QUEUESTART|}. */
    public static QueueLogEntry queueStart(Instant time) {
        return of(time, NONE, NONE, NONE, QueueLogEvent.QUEUESTART);
    }

    /** The queue configuration was reloaded. Asterisk: {@code NONE|NONE|NONE|CONFIGRELOAD|}. */
    public static QueueLogEntry configReload(Instant time) {
        return of(time, NONE, NONE, NONE, QueueLogEvent.CONFIGRELOAD);
    }

    /** Free-form information about a call (Asterisk writes e.g. {@code INFO|CALLERONHOLD|...}); at most 5 fields. */
    public static QueueLogEntry info(Instant time, String callId, String queue, String agent, String... data) {
        return new QueueLogEntry(time, callId, queue, agent, QueueLogEvent.INFO,
            data == null ? List.of() : Arrays.asList(data));
    }

    private static QueueLogEntry of(Instant time, String callId, String queue, String agent, QueueLogEvent event,
                                    Object... data) {
        List<String> fields = new ArrayList<>(data.length);
        for (Object field : data) {
            fields.add(field == null ? "" : field.toString());
        }
        return new QueueLogEntry(time, callId, queue, agent, event, fields);
    }

    private static String orNone(String value) {
        if (value == null) {
            return NONE;
        }
        String safe = safe(value);
        return safe.isBlank() ? NONE : safe;
    }

    private static List<String> cleanData(QueueLogEvent event, List<String> data) {
        if (data == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>(data.size());
        for (String field : data) {
            fields.add(field == null ? "" : safe(field));
        }
        int end = fields.size();
        while (end > 0 && fields.get(end - 1).isEmpty()) {
            end--;
        }
        if (end > MAX_DATA_FIELDS) {
            throw new IllegalArgumentException("queue_log entry " + event + " has " + end + " data fields; the queue_log"
                + " layout has at most " + MAX_DATA_FIELDS + " (data1..data5): " + fields);
        }
        return List.copyOf(fields.subList(0, end));
    }

    /** The value with '|' as '/', and control characters and line or paragraph separators as a space. */
    static String safe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char replacement = c == '|' ? '/' : breaksTheLine(c) ? ' ' : c;
            if (replacement != c && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean breaksTheLine(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}

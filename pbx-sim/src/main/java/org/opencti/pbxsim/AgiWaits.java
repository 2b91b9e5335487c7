package org.opencti.pbxsim;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The AGI commands that take time: STREAM FILE and SAY (a prompt of {@code promptDuration}, cut short by
 * an escape digit), GET DATA (digits until {@code #}, the maximum or the timeout), WAIT FOR DIGIT, and EXEC
 * of a timed application. At most one runs at a time. Core thread only.
 */
final class AgiWaits {
    private enum Kind { STREAM, SAY, GET_DATA, WAIT_DIGIT, EXEC }

    /** The running command. */
    private static final class Pending {
        long id;
        String line;
        Kind kind;
        Set<Character> escapes = Set.of();
        final StringBuilder digits = new StringBuilder();
        int max;
        Duration interDigit = Duration.ZERO;
        long startedNanos;
        ScheduledFuture<?> timer;
        Runnable onComplete;
    }

    private final PbxCore core;
    private final Chan ch;
    private final AgiCommands commands;
    private Pending pending;

    AgiWaits(PbxCore core, Chan ch, AgiCommands commands) {
        this.core = core;
        this.ch = ch;
        this.commands = commands;
    }

    boolean busy() {
        return pending != null;
    }

    private Pending start(long id, String line, Kind kind, Duration duration) {
        Pending w = new Pending();
        w.id = id;
        w.line = line;
        w.kind = kind;
        w.startedNanos = System.nanoTime();
        pending = w;
        if (duration != null) {
            w.timer = core.schedule(duration, () -> expired(w));
        }
        return w;
    }

    void streamFile(long id, String line, String escapeDigits) {
        prompt(id, line, Kind.STREAM, escapeDigits);
    }

    void say(long id, String line, String escapeDigits) {
        prompt(id, line, Kind.SAY, escapeDigits);
    }

    void exec(long id, String line, Duration duration, Runnable onComplete) {
        start(id, line, Kind.EXEC, duration).onComplete = onComplete;
    }

    private void prompt(long id, String line, Kind kind, String escapeDigits) {
        Pending w = start(id, line, kind, core.settings.promptDuration());
        Set<Character> esc = new HashSet<>();
        for (char c : escapeDigits.toCharArray()) {
            esc.add(c);
        }
        w.escapes = esc;
        digitArrived();
    }

    void getData(long id, String line, List<String> p) {
        long timeout = p.size() > 1 ? Long.parseLong(p.get(1).trim()) : 0;
        Duration inter = Duration.ofMillis(timeout > 0 ? timeout : 2000);
        Pending w = start(id, line, Kind.GET_DATA, core.settings.promptDuration().plus(inter));
        w.max = p.size() > 2 ? Integer.parseInt(p.get(2).trim()) : 1024;
        w.interDigit = inter;
        digitArrived();
    }

    void waitForDigit(long id, String line, long timeoutMs) {
        start(id, line, Kind.WAIT_DIGIT, timeoutMs < 0 ? null : Duration.ofMillis(timeoutMs));
        digitArrived();
    }

    /** Consumes queued keypad input for the running command. */
    void digitArrived() {
        Pending w = pending;
        if (w == null) {
            return;
        }
        switch (w.kind) {
            case STREAM, SAY -> {
                for (Character c : ch.keypad) {
                    if (w.escapes.contains(c)) {
                        ch.keypad.removeFirstOccurrence(c);
                        finishPrompt(w, c);
                        return;
                    }
                }
            }
            case WAIT_DIGIT -> {
                if (!ch.keypad.isEmpty()) {
                    complete(w, "200 result=" + (int) ch.keypad.poll(), 200, "Success");
                }
            }
            case GET_DATA -> {
                boolean any = false;
                while (!ch.keypad.isEmpty()) {
                    char c = ch.keypad.poll();
                    any = true;
                    if (c == '#') {
                        complete(w, "200 result=" + w.digits, 200, "Success");
                        return;
                    }
                    w.digits.append(c);
                    if (w.digits.length() >= w.max) {
                        complete(w, "200 result=" + w.digits, 200, "Success");
                        return;
                    }
                }
                if (any) {
                    w.timer.cancel(false);
                    w.timer = core.schedule(w.interDigit, () -> expired(w));
                }
            }
            default -> {
                // EXEC waits for its timer only
            }
        }
    }

    private void finishPrompt(Pending w, char digit) {
        if (w.kind == Kind.STREAM) {
            core.setVar(ch, "PLAYBACKSTATUS", "FAILED");
            complete(w, "200 result=" + (int) digit + " endpos=" + endpos(w), 200, "Success");
        } else {
            complete(w, "200 result=" + (int) digit, 200, "Success");
        }
    }

    private void expired(Pending w) {
        if (pending != w) {
            return;
        }
        switch (w.kind) {
            case STREAM -> {
                core.setVar(ch, "PLAYBACKSTATUS", "SUCCESS");
                complete(w, "200 result=0 endpos=" + core.settings.promptDuration().toMillis() * 8, 200, "Success");
            }
            case GET_DATA -> complete(w, "200 result=" + w.digits + " (timeout)", 200, "Success");
            default -> {
                if (w.onComplete != null) {
                    w.onComplete.run();
                }
                complete(w, "200 result=0", 200, "Success");
            }
        }
    }

    /** The channel hung up: the running command ends with -1. */
    void hangupDuringCommand() {
        Pending w = pending;
        if (w == null) {
            return;
        }
        switch (w.kind) {
            case STREAM -> {
                core.setVar(ch, "PLAYBACKSTATUS", "FAILED");
                complete(w, "200 result=-1 endpos=" + endpos(w), -1, "Failure");
            }
            case GET_DATA -> complete(w, "200 result=-1", 200, "Success");
            default -> complete(w, "200 result=-1", -1, "Failure");
        }
    }

    private long endpos(Pending w) {
        return (System.nanoTime() - w.startedNanos) / 1_000_000L * 8;
    }

    private void complete(Pending w, String reply, int code, String result) {
        if (w.timer != null) {
            w.timer.cancel(false);
        }
        pending = null;
        commands.finished(w.id, w.line, code, result, reply);
    }

    /** Stops the running command without a reply (the session ends). */
    void cancel() {
        if (pending != null && pending.timer != null) {
            pending.timer.cancel(false);
        }
        pending = null;
    }
}

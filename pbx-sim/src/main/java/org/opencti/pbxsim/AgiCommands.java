package org.opencti.pbxsim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The AGI commands the simulator answers, with the replies of capture 02/10 ({@code 200 result=...},
 * {@code 510}, {@code 511} on a dead channel, {@code 520-} usage blocks) and an {@code AGIExecStart} /
 * {@code AGIExecEnd} pair on AMI per command. Playback takes {@code promptDuration}; keypad input comes
 * from the channel's queue ({@link PbxSimulator#press}); commands that take time are {@link AgiWaits}'.
 * Core thread only.
 */
final class AgiCommands {
    private static final String DEAD = "Command Not Permitted on a dead channel or intercept routine";
    private static final Set<String> DEAD_OK = Set.of("EXEC", "GET FULL VARIABLE", "GET VARIABLE", "NOOP", "SET VARIABLE",
        "VERBOSE");
    private static final Map<String, Integer> MIN_ARGS = Map.ofEntries(Map.entry("ANSWER", 0),
        Map.entry("CHANNEL STATUS", 0), Map.entry("EXEC", 1), Map.entry("GET DATA", 1), Map.entry("GET FULL VARIABLE", 1),
        Map.entry("GET VARIABLE", 1), Map.entry("HANGUP", 0), Map.entry("NOOP", 0), Map.entry("SAY DIGITS", 2),
        Map.entry("SAY NUMBER", 2), Map.entry("SET CALLERID", 1), Map.entry("SET CONTEXT", 1), Map.entry("SET EXTENSION", 1),
        Map.entry("SET PRIORITY", 1), Map.entry("SET VARIABLE", 2), Map.entry("STREAM FILE", 2), Map.entry("VERBOSE", 1),
        Map.entry("WAIT FOR DIGIT", 1));
    private static final String STREAM_FILE_USAGE = "Send the given file, allowing playback to be interrupted by the given digits, "
        + "if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical "
        + "value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If "
        + "musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after "
        + "completion.\nIt sets the following channel variables upon completion:\n<variable>PLAYBACKSTATUS</variable>: The "
        + "status of the playback attempt as a text string.\n    <value>SUCCESS</value>\n    <value>FAILED</value>";

    private final AgiSession session;
    private final PbxCore core;
    private final Chan ch;
    private final Deque<String> backlog = new ArrayDeque<>();
    private final AgiWaits waits;

    AgiCommands(AgiSession session) {
        this.session = session;
        this.core = session.core;
        this.ch = session.ch;
        this.waits = new AgiWaits(session.core, session.ch, this);
    }

    void onLine(String line) {
        if (waits.busy()) {
            backlog.add(line);
            return;
        }
        execute(line);
    }

    private void execute(String line) {
        List<String> args = AgiArgs.parse(line);
        if (args.isEmpty()) {
            return;
        }
        long id = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        core.emit(core.events.agiExecStart(ch, id, line));
        String cmd = null;
        int words = 0;
        for (int n = Math.min(3, args.size()); n >= 1 && cmd == null; n--) {
            String candidate = String.join(" ", args.subList(0, n)).toUpperCase(Locale.ROOT);
            if (MIN_ARGS.containsKey(candidate)) {
                cmd = candidate;
                words = n;
            }
        }
        if (cmd == null) {
            done(id, line, 510, "Invalid or unknown command", "510 Invalid or unknown command");
            return;
        }
        if (session.dead && !DEAD_OK.contains(cmd)) {
            done(id, line, 511, DEAD, "511 " + DEAD);
            return;
        }
        List<String> p = args.subList(words, args.size());
        if (p.size() < MIN_ARGS.get(cmd)) {
            String usage = "STREAM FILE".equals(cmd) ? STREAM_FILE_USAGE : "Usage: " + cmd + " (see 'agi show commands')";
            done(id, line, 520, "Usage", "520-Invalid command syntax.  Proper usage follows:\n" + usage + "\n520 End of proper usage.");
            return;
        }
        run(id, line, cmd, p);
    }

    private void run(long id, String line, String cmd, List<String> p) {
        switch (cmd) {
            case "ANSWER" -> {
                if (ch.state != ChannelState.UP) {
                    core.calls.answer(ch);
                }
                ok(id, line, "200 result=0");
            }
            case "CHANNEL STATUS" -> ok(id, line, "200 result=" + ch.state.code());
            case "NOOP" -> ok(id, line, "200 result=0");
            case "VERBOSE" -> ok(id, line, "200 result=1");
            case "GET VARIABLE" -> {
                String v = core.getVar(ch, p.get(0));
                ok(id, line, v == null ? "200 result=0" : "200 result=1 (" + v + ")");
            }
            case "GET FULL VARIABLE" -> ok(id, line, "200 result=1 (" + core.expand(ch, p.get(0)) + ")");
            case "SET VARIABLE" -> {
                core.setVar(ch, p.get(0), p.get(1));
                ok(id, line, "200 result=1");
            }
            case "SET CONTEXT" -> {
                session.nextContext = p.get(0);
                ok(id, line, "200 result=0");
            }
            case "SET EXTENSION" -> {
                session.nextExten = p.get(0);
                ok(id, line, "200 result=0");
            }
            case "SET PRIORITY" -> setPriority(id, line, p.get(0));
            case "SET CALLERID" -> {
                setCallerId(p.get(0));
                ok(id, line, "200 result=1");
            }
            case "HANGUP" -> {
                Chan target = p.isEmpty() ? ch : core.find(p.get(0));
                ok(id, line, target == null ? "200 result=-1" : "200 result=1");
                if (target != null) {
                    core.calls.hangup(target, 16);
                }
            }
            case "STREAM FILE" -> waits.streamFile(id, line, p.get(1));
            case "SAY DIGITS", "SAY NUMBER" -> waits.say(id, line, p.get(1));
            case "GET DATA" -> waits.getData(id, line, p);
            case "WAIT FOR DIGIT" -> waits.waitForDigit(id, line, Long.parseLong(p.get(0).trim()));
            case "EXEC" -> exec(id, line, p);
            default -> done(id, line, 510, "Invalid or unknown command", "510 Invalid or unknown command");
        }
    }

    private void setPriority(long id, String line, String prio) {
        String context = session.nextContext != null ? session.nextContext : ch.context;
        String exten = session.nextExten != null ? session.nextExten : ch.exten;
        Integer n = core.runner.resolvePriority(context, exten, prio);
        if (n == null) {
            done(id, line, 520, "Usage", "520-Invalid command syntax.  Proper usage follows:\nUsage: SET PRIORITY <priority>"
                + "\n520 End of proper usage.");
            return;
        }
        session.nextPriority = n;
        ok(id, line, "200 result=0");
    }

    private void setCallerId(String value) {
        int lt = value.indexOf('<');
        if (lt >= 0) {
            String name = value.substring(0, lt).trim().replace("\"", "");
            core.setVar(ch, "CALLERID(num)", value.substring(lt + 1, value.indexOf('>', lt) < 0 ? value.length() : value.indexOf('>', lt)));
            if (!name.isEmpty()) {
                core.setVar(ch, "CALLERID(name)", name);
            }
        } else {
            core.setVar(ch, "CALLERID(num)", value.trim());
        }
    }

    private void exec(long id, String line, List<String> p) {
        String app = p.get(0).toLowerCase(Locale.ROOT);
        String data = String.join(" ", p.subList(1, p.size()));
        switch (app) {
            case "playback" -> waits.exec(id, line, core.settings.promptDuration(),
                () -> core.setVar(ch, "PLAYBACKSTATUS", "SUCCESS"));
            case "wait" -> waits.exec(id, line, DialplanRunner.seconds(data), null);
            case "set" -> {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    core.setVar(ch, data.substring(0, eq).trim(), data.substring(eq + 1));
                }
                ok(id, line, "200 result=0");
            }
            case "goto" -> {
                String[] t = data.split(",");
                String context = t.length >= 3 ? t[0].trim() : ch.context;
                String exten = t.length >= 2 ? t[t.length - 2].trim() : ch.exten;
                Integer prio = core.runner.resolvePriority(context, exten, t[t.length - 1].trim());
                session.nextContext = context;
                session.nextExten = exten;
                session.nextPriority = prio == null ? 1 : prio;
                ok(id, line, "200 result=0");
            }
            case "noop", "verbose", "answer", "userevent" -> {
                if ("answer".equals(app) && ch.state != ChannelState.UP) {
                    core.calls.answer(ch);
                }
                ok(id, line, "200 result=0");
            }
            default -> ok(id, line, "200 result=-2");
        }
    }

    /** A keypad digit was queued on the channel. */
    void digitArrived() {
        waits.digitArrived();
    }

    /** The channel hung up: the running command ends with -1. */
    void hangupDuringCommand() {
        waits.hangupDuringCommand();
    }

    /** Stops the running command without a reply (the session ends). */
    void cancel() {
        waits.cancel();
        backlog.clear();
    }

    /** A command that took time is done: reply, then run what the server sent meanwhile. */
    void finished(long id, String line, int code, String result, String reply) {
        done(id, line, code, result, reply);
        while (!waits.busy() && !backlog.isEmpty()) {
            execute(backlog.poll());
        }
    }

    private void ok(long id, String line, String reply) {
        done(id, line, 200, "Success", reply);
    }

    private void done(long id, String line, int code, String result, String reply) {
        session.reply(reply);
        core.emit(core.events.agiExecEnd(ch, id, line, code, result));
    }
}

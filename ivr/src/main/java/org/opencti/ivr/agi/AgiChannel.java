package org.opencti.ivr.agi;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The conversation with one Asterisk channel over FastAGI. Every command returns at once; its stage completes
 * when Asterisk's reply arrives. AGI is strictly request/reply: commands are sent one at a time in the order
 * they were issued (a command issued while another is in flight waits for it).
 *
 * <p>A stage completes normally with a {@code 200} reply (check {@link AgiReply#result()}: {@code -1} means the
 * command failed or the channel is gone), or exceptionally with {@link AgiCommandFailed} ({@code 510}, {@code 511},
 * {@code 520}), {@link CallerHungUp} (Asterisk sent {@code HANGUP}; every later command fails the same way),
 * {@link AgiSessionClosed} or {@link AgiProtocolException}. Stages complete on the session's I/O thread:
 * continuations must not block.
 *
 * <p>Arguments are quoted for Asterisk's parser where needed; a CR or LF in an argument fails the command
 * with {@link IllegalArgumentException} without sending it.
 */
public interface AgiChannel {

    /** Sends one raw AGI command line (without the terminator), e.g. {@code CHANNEL STATUS}. */
    CompletionStage<AgiReply> command(String commandLine);

    /** True once Asterisk has sent {@code HANGUP} on this session. */
    boolean isHungUp();

    /** {@code ANSWER}. */
    default CompletionStage<AgiReply> answer() {
        return command("ANSWER");
    }

    /** {@code STREAM FILE <file> "<escapeDigits>"}; the reply's {@link AgiReply#digit()} is the digit that interrupted it. */
    default CompletionStage<AgiReply> streamFile(String file, String escapeDigits) {
        return command("STREAM FILE " + arg(file) + " " + quoted(escapeDigits));
    }

    /**
     * {@code GET DATA <file> <timeoutMs> <maxDigits>}; the reply's {@link AgiReply#digits()} are the digits
     * entered, {@link AgiReply#isTimeout()} tells a timeout.
     */
    default CompletionStage<AgiReply> getData(String file, int timeoutMs, int maxDigits) {
        return command("GET DATA " + arg(file) + " " + timeoutMs + " " + maxDigits);
    }

    /** {@code WAIT FOR DIGIT <timeoutMs>} ({@code -1} waits for ever); {@link AgiReply#digit()} is empty on timeout. */
    default CompletionStage<AgiReply> waitForDigit(int timeoutMs) {
        return command("WAIT FOR DIGIT " + timeoutMs);
    }

    /** {@code SAY DIGITS <digits> "<escapeDigits>"}. */
    default CompletionStage<AgiReply> sayDigits(String digits, String escapeDigits) {
        return command("SAY DIGITS " + arg(digits) + " " + quoted(escapeDigits));
    }

    /** {@code SET VARIABLE <name> <value>}. */
    default CompletionStage<AgiReply> setVariable(String name, String value) {
        return command("SET VARIABLE " + arg(name) + " " + arg(value));
    }

    /** {@code GET VARIABLE <name>}: the value, or empty if the variable is not set. */
    default CompletionStage<Optional<String>> getVariable(String name) {
        return command("GET VARIABLE " + arg(name))
                .thenApply(r -> "1".equals(r.result()) ? Optional.of(r.data() == null ? "" : r.data()) : Optional.empty());
    }

    /** {@code SET CONTEXT <context>}: where the dialplan continues when the session ends. */
    default CompletionStage<AgiReply> setContext(String context) {
        return command("SET CONTEXT " + arg(context));
    }

    /** {@code SET EXTENSION <extension>}. */
    default CompletionStage<AgiReply> setExtension(String extension) {
        return command("SET EXTENSION " + arg(extension));
    }

    /** {@code SET PRIORITY <priority>}. */
    default CompletionStage<AgiReply> setPriority(int priority) {
        return command("SET PRIORITY " + priority);
    }

    /** {@code EXEC <application> <args>} (no args if {@code args} is null or empty). */
    default CompletionStage<AgiReply> exec(String application, String args) {
        return command("EXEC " + arg(application) + (args == null || args.isEmpty() ? "" : " " + arg(args)));
    }

    /** {@code VERBOSE "<message>" 1}: a line in Asterisk's console/log. */
    default CompletionStage<AgiReply> verbose(String message) {
        return command("VERBOSE " + quoted(message) + " 1");
    }

    /** {@code HANGUP}: hangs up the channel. */
    default CompletionStage<AgiReply> hangup() {
        return command("HANGUP");
    }

    /** An argument as Asterisk's AGI parser reads it: bare if it has no blank, quote or backslash, else quoted. */
    static String arg(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '"' || c == '\\') {
                return quoted(value);
            }
        }
        return value;
    }

    /** {@code "value"} with {@code "} and {@code \} escaped by a backslash. */
    static String quoted(String value) {
        if (value == null) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}

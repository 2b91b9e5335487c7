package org.opencti.ivr.agi;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A {@link ScriptedAsteriskAgiClient.Responder} answering like Asterisk 22 does in the captures
 * (ANSWER {@code 200 result=0}, SET VARIABLE {@code 200 result=1}, ...), with the GET DATA answers given in order.
 * An answer may hold several lines separated by LF ({@code "HANGUP\n200 result=-1"}).
 */
public final class AsteriskReplies implements ScriptedAsteriskAgiClient.Responder {
    private final Deque<String> getData;

    private AsteriskReplies(List<String> getData) {
        this.getData = new ArrayDeque<>(getData);
    }

    /** GET DATA is answered with these, in order; once they run out, with a timeout. */
    public static AsteriskReplies withGetData(String... answers) {
        return new AsteriskReplies(Arrays.asList(answers));
    }

    @Override
    public List<String> answer(String command) {
        if (command.startsWith("GET DATA ")) {
            String next = getData.isEmpty() ? "200 result= (timeout)" : getData.poll();
            return Arrays.asList(next.split("\n"));
        }
        if (command.equals("ANSWER") || command.startsWith("SET CONTEXT ") || command.startsWith("SET EXTENSION ")
                || command.startsWith("SET PRIORITY ")) {
            return List.of("200 result=0");
        }
        if (command.startsWith("STREAM FILE ")) {
            return List.of("200 result=0 endpos=8000");
        }
        if (command.startsWith("SET VARIABLE ") || command.startsWith("VERBOSE ")) {
            return List.of("200 result=1");
        }
        return List.of("510 Invalid or unknown command");
    }
}

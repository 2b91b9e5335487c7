package org.opencti.ivr.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Asterisk's reply lines into {@link AgiReply}s. Stateful only for the multi-line {@code 520-} usage
 * block, which ends with {@code 520 End of proper usage.}. Not thread-safe: one per session.
 */
final class AgiReplyParser {
    /** A usage block longer than this is not Asterisk. */
    static final int MAX_USAGE_LINES = 1000;
    private static final String RESULT = "result=";

    private List<String> usage;

    /**
     * Feeds one line (without its terminator).
     *
     * @return the reply, or null while inside a {@code 520-} block
     * @throws AgiProtocolException if the line is not an AGI reply
     */
    AgiReply accept(String line) {
        if (usage != null) {
            return usageLine(line);
        }
        if (line.length() < 4 || !isCode(line) || (line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            throw new AgiProtocolException("not an AGI reply: '" + abbreviate(line) + "'");
        }
        int code = Integer.parseInt(line.substring(0, 3));
        String text = line.substring(4);
        if (line.charAt(3) == '-') {
            if (code != AgiReply.USAGE) {
                throw new AgiProtocolException("unexpected continuation line: '" + abbreviate(line) + "'");
            }
            usage = new ArrayList<>();
            usage.add(text);
            return null;
        }
        if (code != AgiReply.SUCCESS) {
            return new AgiReply(code, null, text, Map.of());
        }
        return success(text);
    }

    private AgiReply usageLine(String line) {
        if (line.startsWith(AgiReply.USAGE + " ")) {
            usage.add(line.substring(4));
            String text = String.join("\n", usage);
            usage = null;
            return new AgiReply(AgiReply.USAGE, null, text, Map.of());
        }
        if (usage.size() >= MAX_USAGE_LINES) {
            usage = null;
            throw new AgiProtocolException("520 usage block longer than " + MAX_USAGE_LINES + " lines");
        }
        usage.add(line);
        return null;
    }

    private static AgiReply success(String text) {
        if (!text.startsWith(RESULT)) {
            throw new AgiProtocolException("200 reply without result=: '" + abbreviate(text) + "'");
        }
        String afterKey = text.substring(RESULT.length());
        int space = afterKey.indexOf(' ');
        String result = space < 0 ? afterKey : afterKey.substring(0, space);
        String rest = space < 0 ? "" : afterKey.substring(space + 1).strip();
        String data = null;
        if (rest.startsWith("(")) {
            int close = closingParenthesis(rest);
            if (close < 0) {
                throw new AgiProtocolException("unbalanced data in reply: '" + abbreviate(text) + "'");
            }
            data = rest.substring(1, close);
            rest = rest.substring(close + 1).strip();
        }
        return new AgiReply(AgiReply.SUCCESS, result, data, attributes(rest));
    }

    /**
     * The data in parentheses is not escaped (a variable's value may contain ')'), so take the last ')'
     * after which only {@code name=value} attributes follow.
     */
    private static int closingParenthesis(String rest) {
        for (int i = rest.lastIndexOf(')'); i > 0; i = rest.lastIndexOf(')', i - 1)) {
            if (onlyAttributes(rest.substring(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onlyAttributes(String tail) {
        String t = tail.strip();
        if (t.isEmpty()) {
            return true;
        }
        for (String token : t.split("\\s+")) {
            if (token.indexOf('=') <= 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> attributes(String rest) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rest.isEmpty()) {
            return out;
        }
        for (String token : rest.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                out.put(token, "");
            } else {
                out.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return out;
    }

    private static boolean isCode(String line) {
        return isAsciiDigit(line.charAt(0)) && isAsciiDigit(line.charAt(1)) && isAsciiDigit(line.charAt(2));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}

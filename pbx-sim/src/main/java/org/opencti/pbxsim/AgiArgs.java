package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;

/** Splits an AGI command line like Asterisk's {@code parse_args}: blanks separate, double quotes group, backslash escapes. */
final class AgiArgs {
    private AgiArgs() {
    }

    static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        boolean hasArg = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                hasArg = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                hasArg = true;
            } else if ((c == ' ' || c == '\t') && !inQuotes) {
                if (hasArg) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    hasArg = false;
                }
            } else {
                cur.append(c);
                hasArg = true;
            }
        }
        if (hasArg) {
            args.add(cur.toString());
        }
        return args;
    }
}

package org.opencti.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects problems with the paths they occur at, so that a user sees every fault of a file in one run. */
final class Problems {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** As many as {@link ConfigException} lists; hints past those would never be read. */
    static final int MAX_NAME_HINTS = 50;

    private final List<String> list = new ArrayList<>();
    /**
     * One problem per path, and none inside a value that already failed: a value that failed once would otherwise fail
     * again in every later check, and a section of the wrong type would report each of its keys as missing.
     */
    private final Set<String> reported = new HashSet<>();
    private final Map<String, String> fromEnv = new HashMap<>();
    /** Hints against the file's own names cost a comparison with each name; a file full of wrong names must not take minutes. */
    private int hintsLeft = MAX_NAME_HINTS;

    static String child(String parent, String key) {
        String step = PLAIN_KEY.matcher(key).matches() ? key : "[" + Secrets.quote(key) + "]";
        if (parent.isEmpty()) {
            return step;
        }
        return step.startsWith("[") ? parent + step : parent + "." + step;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Marks a path as set by an environment override, so that problems there name the variable rather than the file. */
    void setFromEnv(String path, String variable) {
        fromEnv.put(path, variable);
    }

    boolean isFromEnv(String path) {
        return fromEnv.containsKey(path);
    }

    void add(String path, String message) {
        if (insideReported(path) || !reported.add(path)) {
            return;
        }
        String variable = fromEnv.get(path);
        list.add(path + ": " + message + (variable == null ? "" : " (set by " + variable + ")"));
    }

    private boolean insideReported(String path) {
        for (int i = path.length() - 1; i > 0; i--) {
            char c = path.charAt(i);
            if ((c == '.' || c == '[') && reported.contains(path.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code " (did you mean "x"?)"} when a name of {@code known} is close to {@code name}, else the empty string; also
     * empty once {@link #MAX_NAME_HINTS} hints have been looked for.
     */
    String didYouMean(String name, Collection<String> known) {
        if (hintsLeft <= 0) {
            return "";
        }
        hintsLeft--;
        String closest = Suggest.closest(name, known);
        return closest == null ? "" : " (did you mean " + Secrets.quote(closest) + "?)";
    }

    /** A problem of the document as a whole, such as a syntax error. */
    void addGeneral(String message) {
        list.add(message);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** How many problems so far: a binder compares counts to tell whether a part it just read was sound. */
    int size() {
        return list.size();
    }

    List<String> list() {
        return List.copyOf(list);
    }
}

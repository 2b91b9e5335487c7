package org.opencti.acd.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a YAML tree and records what is wrong with them under their path, so the reader can go on
 * and report every problem of a file at once. Scalars are read by what the schema expects, not by YAML's guess.
 */
final class YamlFields {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(d|h|m|s)");

    final List<String> problems = new ArrayList<>();

    /** Checks that {@code node} is a mapping with only the given keys; reports and returns false otherwise. */
    boolean mapping(JsonNode node, String path, String... keys) {
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "the top level" : path) + ": must be a mapping"
                + (keys.length > 0 ? " (keys: " + String.join(", ", keys) + ")" : ""));
            return false;
        }
        Set<String> known = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(child(path, key) + ": unknown key; expected one of " + String.join(", ", keys));
            }
        }
        return true;
    }

    String text(JsonNode node, String key, String path, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(child(path, key) + ": missing");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            problems.add(child(path, key) + ": must be a non-empty text");
            return null;
        }
        return v.asText().trim();
    }

    double number(JsonNode node, String key, String path, double fallback, double min, double max) {
        JsonNode v = node.get(key);
        return v == null ? fallback : scalarNumber(v, child(path, key), min, max, fallback);
    }

    double scalarNumber(JsonNode v, String path, double min, double max, double fallback) {
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                problems.add(path + ": must be a number, got \"" + v.asText() + "\"");
                return fallback;
            }
        } else {
            problems.add(path + ": must be a number");
            return fallback;
        }
        if (Double.isNaN(d) || d < min) {
            problems.add(path + ": must be >= " + plain(min) + ", got " + plain(d));
            return fallback;
        }
        if (d > max) {
            problems.add(path + ": must be <= " + plain(max) + ", got " + plain(d));
            return fallback;
        }
        return d;
    }

    Duration duration(JsonNode node, String key, String path, boolean required, Duration fallback) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                problems.add(child(path, key) + ": missing (such as 8h, 90m or 1h30m)");
            }
            return fallback;
        }
        Duration d = parseDuration(v.asText().trim());
        if (d == null) {
            problems.add(child(path, key) + ": must be a duration such as 8h, 90m, 1h30m or PT8H, got \"" + v.asText() + "\"");
            return fallback;
        }
        return d;
    }

    /** "1d", "8h", "1h30m", "90s", "0" or ISO-8601 ("PT8H"); null when it is none of them. */
    static Duration parseDuration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                Duration d = Duration.parse(text);
                return d.isNegative() ? null : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        double seconds = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "d" -> n * 86_400;
                case "h" -> n * 3_600;
                case "m" -> n * 60;
                default -> n;
            };
            at = m.end();
        }
        return at == 0 || at != text.length() || seconds > 1e9 ? null : seconds(seconds);
    }

    static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}

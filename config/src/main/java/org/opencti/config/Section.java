package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, path-aware reads from one YAML mapping. Every scalar in the tree is text (see {@link YamlTree}), so numbers are
 * parsed here, where the path is known. Reads never fail: a bad value becomes a problem and the default is returned.
 */
final class Section {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    /** Plain decimal again: no exponents, so that what is written is what is meant and the value is always finite. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,9}(\\.[0-9]{1,9})?");

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private Section(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Opens {@code node} as a mapping whose keys must be among {@code keys}. Absent or null gives an empty section;
     * anything other than a mapping is reported and also gives an empty section.
     */
    static Section of(JsonNode node, String path, Problems problems, List<String> keys) {
        if (node == null || node.isNull()) {
            return new Section(null, path, problems);
        }
        if (!node.isObject()) {
            problems.add(path, "expected a mapping, got " + describe(node));
            return new Section(null, path, problems);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                problems.add(Problems.child(path, key), "unknown key " + Suggest.hint(key, keys));
            }
        }
        return new Section(node, path, problems);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return Problems.child(path, key);
    }

    /** True when the mapping was there at all, even if empty. */
    boolean present() {
        return node != null;
    }

    /** The raw value, or null when absent or null. */
    JsonNode get(String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    Section section(String key, List<String> keys) {
        return of(get(key), pathOf(key), problems, keys);
    }

    /** The string at {@code key}, or {@code fallback} when absent. */
    String string(String key, String fallback) {
        JsonNode value = get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            problems.add(pathOf(key), "expected a string, got " + describe(value));
            return fallback;
        }
        return value.asText();
    }

    /** The string at {@code key}; absent, null and blank are reported as {@code required}. */
    String required(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            problems.add(pathOf(key), "required");
            return null;
        }
        return value;
    }

    /** The integer at {@code key} if it lies in {@code min..max}, else {@code fallback} after reporting why. */
    int integer(String key, int fallback, int min, int max) {
        Integer value = integerAt(get(key), pathOf(key), problems);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(pathOf(key), value + " is outside " + min + ".." + max);
            return fallback;
        }
        return value;
    }

    /** The integer at {@code key} if present and in {@code min..max}; null when absent, and null after reporting otherwise. */
    Integer optionalInteger(String key, int min, int max) {
        Integer value = integerAt(get(key), pathOf(key), problems);
        if (value != null && (value < min || value > max)) {
            problems.add(pathOf(key), value + " is outside " + min + ".." + max);
            return null;
        }
        return value;
    }

    /** {@code true} or {@code false}, in any case; YAML 1.1's yes/no/on/off are refused because they read as names. */
    boolean bool(String key, boolean fallback) {
        JsonNode value = get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.isTextual() ? value.asText().strip() : null;
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        problems.add(pathOf(key), "expected true or false, got " + (text == null ? describe(value) : Secrets.quote(text)));
        return fallback;
    }

    /** The number at {@code key} if it lies in {@code min..max}, else {@code fallback} after reporting why. */
    double decimal(String key, double fallback, double min, double max) {
        Double value = decimalAt(get(key), pathOf(key), problems);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            problems.add(pathOf(key), written(key) + " is outside " + plain(min) + ".." + plain(max));
            return fallback;
        }
        return value;
    }

    /** The number at {@code key} if it is more than 0 and at most {@code max}, else {@code fallback} after reporting why. */
    double positive(String key, double fallback, double max, String why) {
        Double value = decimalAt(get(key), pathOf(key), problems);
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            problems.add(pathOf(key), written(key) + " must be more than 0" + why);
            return fallback;
        }
        if (value > max) {
            problems.add(pathOf(key), written(key) + " is more than " + plain(max));
            return fallback;
        }
        return value;
    }

    /** The value as the file wrote it, so that a message says "0.0" when that is what the user typed. */
    private String written(String key) {
        return get(key).asText().strip();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * The entries of the mapping at {@code key}, in file order; absent or null gives none, and anything other than a
     * mapping is reported as "expected a mapping of {@code what}".
     */
    List<Map.Entry<String, JsonNode>> entries(String key, String what) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        JsonNode value = get(key);
        if (value == null) {
            return entries;
        }
        if (!value.isObject()) {
            problems.add(pathOf(key), "expected a mapping of " + what + ", got " + describe(value));
            return entries;
        }
        value.fields().forEachRemaining(entries::add);
        return entries;
    }

    int port(String key, int fallback) {
        return port(key, fallback, 1);
    }

    /** A port this server listens on: 0 asks the OS for any free port (tests, several nodes on one machine). */
    int listenPort(String key, int fallback) {
        return port(key, fallback, 0);
    }

    private int port(String key, int fallback, int lowest) {
        Integer value = integerAt(get(key), pathOf(key), problems);
        if (value == null) {
            return fallback;
        }
        if (value < lowest || value > 65_535) {
            problems.add(pathOf(key), value + " is not a TCP port (" + lowest + "..65535)");
            return fallback;
        }
        return value;
    }

    /** The list at {@code key}; absent or null gives an empty list. */
    List<JsonNode> list(String key) {
        JsonNode value = get(key);
        List<JsonNode> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problems.add(pathOf(key), "expected a list, got " + describe(value));
            return items;
        }
        value.forEach(items::add);
        return items;
    }

    /** Parses a decimal integer; null after reporting when {@code value} is not one, and null when it is absent. */
    static Integer integerAt(JsonNode value, String path, Problems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path, "expected an integer, got " + describe(value));
            return null;
        }
        Integer parsed = parseInteger(value.asText());
        if (parsed == null) {
            problems.add(path, "expected an integer, got " + Secrets.quote(value.asText()));
        }
        return parsed;
    }

    /** Parses a plain decimal number; null after reporting when {@code value} is not one, and null when it is absent. */
    static Double decimalAt(JsonNode value, String path, Problems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path, "expected a number, got " + describe(value));
            return null;
        }
        String text = value.asText().strip();
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(path, "expected a number, got " + Secrets.quote(value.asText()));
            return null;
        }
        return Double.parseDouble(text);
    }

    /**
     * Decimal only, on purpose: YAML 1.1 would read {@code 010} as 8 and {@code 0x1F} as 31, which nobody means in a
     * port or a timeout.
     */
    static Integer parseInteger(String text) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            return null;
        }
        long value = Long.parseLong(trimmed);
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : (int) value;
    }

    /** Names the kind of a value without quoting it, because the value may be a secret. */
    static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
